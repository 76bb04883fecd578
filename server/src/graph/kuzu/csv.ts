import { createReadStream } from 'node:fs';

/**
 * Rows of a CSV file as Kuzu's COPY TO writes it: fields separated by ',', rows by '\n', a field
 * quoted (quotes doubled) when it holds a quote, comma or line break. Each row's `width` fields go to `each`.
 */
export async function readCsv(file: string, width: number, each: (fields: string[]) => void): Promise<void> {
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let quote = false; // the last character was a quote inside a quoted field
  const endRow = () => {
    fields.push(field);
    field = '';
    if (fields.length !== width) throw new Error(`a row of ${fields.length} fields in ${file}, expected ${width}`);
    each(fields);
    fields = [];
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    let i = 0;
    while (i < chunk.length) {
      if (quoted) {
        if (quote) {
          quote = false;
          if (chunk.charCodeAt(i) === 0x22) { field += '"'; i++; continue; }
          quoted = false; // the previous quote closed the field
          continue;
        }
        const q = chunk.indexOf('"', i);
        if (q < 0) { field += chunk.slice(i); break; }
        field += chunk.slice(i, q);
        quote = true;
        i = q + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x22 && field === '') { quoted = true; i++; continue; }
      if (c === 0x2c) { fields.push(field); field = ''; i++; continue; }
      if (c === 0x0a) { endRow(); i++; continue; }
      if (c === 0x0d) { i++; continue; }
      // An unquoted run: up to the next comma or line end.
      let j = i;
      while (j < chunk.length) {
        const d = chunk.charCodeAt(j);
        if (d === 0x2c || d === 0x0a || d === 0x0d) break;
        j++;
      }
      field += chunk.slice(i, j);
      i = j;
    }
  }
  if (quote) quoted = false;
  if (field !== '' || fields.length) endRow();
}
