/**
 * One colour per ACLED event type, from the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies), in the order of the ACLED codebook.
 */
export const TYPE_COLORS: Readonly<Record<string, string>> = {
  Battles: "#D55E00",
  "Explosions/Remote violence": "#CC79A7",
  "Violence against civilians": "#0072B2",
  Protests: "#009E73",
  Riots: "#E69F00",
  "Strategic developments": "#56B4E9",
};

export const OTHER_COLOR = "#777777";

export const colorOf = (eventType: string): string => TYPE_COLORS[eventType] ?? OTHER_COLOR;
