export interface SourceFact {
  sourceRef: string | null;
  sourceDocument: { key: string; number: string | null; title: string } | null;
}

/** "245/KH-UBND, Phụ lục 2" with the document title on hover; nothing for facts without a source. */
export function SourceRef({ fact }: { fact: SourceFact }) {
  if (!fact.sourceDocument) return null;
  const { number, title, key } = fact.sourceDocument;
  return (
    <cite className="source-ref" title={title}>
      {' '}
      [{number ?? `#${key}`}
      {fact.sourceRef ? `, ${fact.sourceRef}` : ''}]
    </cite>
  );
}
