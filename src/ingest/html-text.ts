import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "TD",
  "TH",
  "DT",
  "DD",
  "FIGCAPTION",
  "ADDRESS",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "FORM", "NAV", "BUTTON"]);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/**
 * Text of an HTML fragment, one paragraph per block element (p, h1-h6, li, blockquote...) and
 * separated by blank lines, so that the article's paragraphs survive into its text.
 */
export function blocksToText(root: NodeLike): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const t = current.replace(/\s+/g, " ").trim();
    if (t) paragraphs.push(t);
    current = "";
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    if (SKIP.has(node.nodeName.toUpperCase())) return;
    const name = node.nodeName.toUpperCase();
    if (name === "BR") {
      current += " ";
      return;
    }
    const block = BLOCKS.has(name) || name === "DIV" || name === "SECTION" || name === "ARTICLE";
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as NodeLike);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

export interface PageText {
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
  readonly text: string;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

interface QueryRoot {
  querySelector(sel: string): { getAttribute(name: string): string | null } | null;
}

function metaContent(document: QueryRoot, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute("content") ?? el?.getAttribute("datetime");
    if (v && v.trim()) return v.trim();
  }
  return null;
}

const PUBLISHED_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  "time[datetime]",
];

/**
 * The main text of a web page or a feed item's HTML: readability picks the article out of the
 * page; when it finds none (a short feed item), the whole fragment is converted block by block.
 */
export function extractPageText(html: string): PageText {
  const { document } = parseHTML(html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`);
  const published = metaContent(document as unknown as QueryRoot, PUBLISHED_SELECTORS);
  const docTitle = document.querySelector("title")?.textContent?.trim() || null;
  let parsed: ReturnType<Readability["parse"]>;
  try {
    parsed = new Readability(document as unknown as ReadabilityDocument, { charThreshold: 200 }).parse();
  } catch {
    parsed = null;
  }
  if (parsed?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    const text = blocksToText(content.body as unknown as NodeLike);
    if (text.trim()) {
      return {
        title: parsed.title?.trim() || docTitle,
        byline: parsed.byline?.trim() || null,
        published: parsed.publishedTime ?? published,
        siteName: parsed.siteName?.trim() || null,
        text,
      };
    }
  }
  const { document: again } = parseHTML(
    html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  return {
    title: docTitle,
    byline: null,
    published,
    siteName: null,
    text: blocksToText((again.body ?? again) as unknown as NodeLike),
  };
}
