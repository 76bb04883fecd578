import { useEffect, useState, type RefObject } from 'react';

/** The content width of an element, kept current by a ResizeObserver (0 until measured). */
export function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0].contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Points to ask a server for so a chart `width` pixels wide gets about one per pixel (rounded so resizes rarely refetch). */
export function pointsForWidth(width: number): number {
  return Math.min(2000, Math.max(100, Math.ceil(width / 100) * 100));
}
