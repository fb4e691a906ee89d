import type { Link } from './ogc-documents.ts';
import type { PropertyValue } from './feature-properties.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** On the HTML page, the HTML link is `self` and the JSON one its `alternate`. */
function asServedInHtml(link: Link): Link {
  if (link.rel === 'self' && link.type && link.type !== 'text/html') return { ...link, rel: 'alternate' };
  if (link.rel === 'alternate' && link.type === 'text/html') return { ...link, rel: 'self' };
  return link;
}

function linkList(links: Link[]): string {
  return `<ul>${links
    .map(asServedInHtml)
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.title ?? l.rel)}</a> <small>(${escapeHtml(l.rel)}${l.type ? `, ${escapeHtml(l.type)}` : ''})</small></li>`,
    )
    .join('')}</ul>`;
}

function cell(value: PropertyValue): string {
  return value === null ? '' : escapeHtml(String(value));
}

/** A plain HTML page of a resource (OGC API – Features /conf/html): its title, description, links, and a table or a list. */
export function htmlPage(content: {
  title: string;
  description?: string;
  links: Link[];
  table?: { columns: string[]; rows: { href?: string; cells: PropertyValue[] }[] };
  list?: string[];
}): string {
  const table = content.table
    ? `<table><thead><tr>${content.table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${content.table.rows
        .map(
          (row) =>
            `<tr>${row.cells.map((value, i) => `<td>${i === 0 && row.href ? `<a href="${escapeHtml(row.href)}">${cell(value)}</a>` : cell(value)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const list = content.list ? `<ul>${content.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:80rem}table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}</style>
</head><body><h1>${escapeHtml(content.title)}</h1>${content.description ? `<p>${escapeHtml(content.description)}</p>` : ''}${linkList(content.links)}${list}${table}</body></html>`;
}
