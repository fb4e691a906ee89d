/** The view lives in the URL, so a copied link opens the same place. Pure. */
export interface ViewState {
  unit: string | null;
  lang: 'vi' | 'en';
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const unit = params.get('unit');
  return {
    unit: unit && /^(\d{2}|\d{3}|\d{5})$/.test(unit) ? unit : null,
    lang: params.get('lang') === 'en' ? 'en' : 'vi',
  };
}

export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.unit) params.set('unit', state.unit);
  if (state.lang !== 'vi') params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}
