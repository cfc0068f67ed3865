/**
 * A half-open range [start, end) of UTF-16 offsets into an Article's normalised `text`.
 * Every annotation a stage makes carries one; output converts it to raw offsets (see text/evidence.ts).
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span reported to the user: offsets into the text the user gave, and the words found there. */
export interface Evidence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export const spanLength = (s: Span): number => s.end - s.start;

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** Orders spans by start, then longer first; the order refiners and outputs rely on. */
export const bySpan = (a: { span: Span }, b: { span: Span }): number =>
  a.span.start - b.span.start || b.span.end - a.span.end;
