/** Distinguishable series colours (Tableau 10), reused in order. */
const COLORS = ['#2563eb', '#f97316', '#16a34a', '#dc2626', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

export const seriesColor = (index: number): string => COLORS[index % COLORS.length];
