/** What the exported image says beside the map: its title, the legend's lines and the source line. */
export interface MapImageText {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: { label: string; count: number; colour: string }[];
  notes: string[];
  footer: string;
}

const legendWidth = 300;
const margin = 16;

/**
 * The map as a PNG with its title, legend and source line: the map canvas as drawn (MapLibre keeps
 * its drawing buffer for this) beside the legend, on white, so the image stands alone in a slide.
 */
export async function mapImage(mapCanvas: HTMLCanvasElement, text: MapImageText): Promise<Blob> {
  const scale = mapCanvas.width / mapCanvas.clientWidth || 1;
  const headerHeight = Math.round(56 * scale);
  const footerHeight = Math.round(28 * scale);
  const canvas = document.createElement('canvas');
  canvas.width = mapCanvas.width + Math.round((legendWidth + margin) * scale);
  canvas.height = headerHeight + mapCanvas.height + footerHeight;
  const context = canvas.getContext('2d')!;
  const width = canvas.width / scale;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(mapCanvas, 0, headerHeight);
  context.scale(scale, scale);
  context.fillStyle = '#1d2733';
  context.font = 'bold 18px "Noto Sans", sans-serif';
  context.fillText(text.title, margin, 24);
  context.font = '13px "Noto Sans", sans-serif';
  context.fillText(text.subtitle, margin, 44);
  const left = mapCanvas.width / scale + margin;
  let y = headerHeight / scale + 18;
  context.font = 'bold 14px "Noto Sans", sans-serif';
  context.fillText(text.legendTitle, left, y);
  context.font = '12px "Noto Sans", sans-serif';
  for (const entry of text.legend) {
    y += 22;
    context.fillStyle = entry.colour;
    context.fillRect(left, y - 11, 16, 14);
    context.strokeStyle = '#9aa7b1';
    context.strokeRect(left, y - 11, 16, 14);
    context.fillStyle = '#1d2733';
    context.fillText(entry.label, left + 24, y);
    context.textAlign = 'right';
    context.fillText(String(entry.count), width - margin, y);
    context.textAlign = 'left';
  }
  for (const note of text.notes) {
    y += 26;
    for (const line of wrap(context, note, legendWidth - margin)) {
      context.fillText(line, left, y);
      y += 16;
    }
  }
  context.fillStyle = '#4a5561';
  context.font = '11px "Noto Sans", sans-serif';
  context.fillText(text.footer, margin, (headerHeight + mapCanvas.height) / scale + 18);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png'));
}

function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (context.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A file name for the image: the unit and the year. Pure. */
export function imageFileName(unitCode: string | null, year: number): string {
  return `ntm-atlas-${unitCode ?? 'viet-nam'}-${year}.png`;
}
