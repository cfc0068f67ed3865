import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ArticleWithText, AuditEntry, StoredArticle, StoredEvent, StoredReport } from "../store/store.js";
import { bearer, openFixture, type Fixture } from "../../test/fixtures/api/fixture.js";
import { projectPath } from "../util/paths.js";

let f: Fixture;
const UPLOAD_LIMIT = 64 * 1024;
beforeAll(async () => {
  f = await openFixture({ uploadLimitBytes: UPLOAD_LIMIT });
});
afterAll(() => f.close());

const input = (name: string) => readFileSync(join(projectPath("test", "fixtures", "inputs"), name));

interface IngestAnswer {
  articles: number;
  stored: number;
  duplicates: number;
  newEvents: number;
  matchedReports: number;
  events: number[];
  problems: { code: string; message: string; line?: number; field?: string }[];
}

async function upload(body: string | Buffer, type: string, query = "", token: string | null = f.editor) {
  return f.app.inject({
    method: "POST",
    url: `/api/articles${query}`,
    headers: { "content-type": type, ...(token ? bearer(token) : {}) },
    payload: body,
  });
}

describe("GET /api/articles", () => {
  test("lists articles without their text, and one article with its text and reports", async () => {
    const r = await f.app.inject({ url: "/api/articles?limit=100" });
    expect(r.statusCode).toBe(200);
    const page = r.json() as { total: number; articles: StoredArticle[] };
    expect(page.total).toBe((await f.store.counts()).articles);
    expect(page.articles).toHaveLength(page.total);
    expect(page.articles.every((a) => !("text" in a))).toBe(true);
    const kandahar = page.articles.find((a) => a.externalId.endsWith("kandahar-2021-10-16.txt"));
    expect(kandahar).toBeDefined();
    const one = (await f.app.inject({ url: `/api/articles/${kandahar!.id}` })).json() as ArticleWithText & {
      reports: StoredReport[];
    };
    expect(one.text).toBe(readFileSync(projectPath("examples", "kandahar-2021-10-16.txt"), "utf8"));
    expect(one.reports.length).toBeGreaterThan(0);
    for (const rep of one.reports)
      expect(one.text.slice(rep.record.evidence.start, rep.record.evidence.end)).toBe(rep.record.evidence.text);
  });

  test("an unknown article is a coded 404", async () => {
    const r = await f.app.inject({ url: "/api/articles/424242" });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: "E_NOT_FOUND", field: "id" });
  });

  test("article text holding markup is answered as JSON text, never as markup", async () => {
    const articles = ((await f.app.inject({ url: "/api/articles?limit=100" })).json() as { articles: StoredArticle[] })
      .articles;
    const jalalabad = articles.find((a) => a.externalId === "jalalabad-2021-11-03")!;
    const r = await f.app.inject({ url: `/api/articles/${jalalabad.id}` });
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    const text = (r.json() as ArticleWithText).text;
    expect(text).toContain('<script>alert("xss")</script>');
    expect(text).toContain("<img src=x onerror=alert(1)>");
  });
});

describe("POST /api/articles", () => {
  const kandaharText = readFileSync(projectPath("examples", "kandahar-2021-10-16.txt"), "utf8");

  test("needs an editor token: none is 401, an unknown one 401, and nothing is stored", async () => {
    const before = await f.store.counts();
    const none = await upload("some text", "text/plain", "", null);
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: "E_AUTH_MISSING", field: "authorization" });
    const wrong = await upload("some text", "text/plain", "", "sitrep_not-a-token");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: "E_AUTH_INVALID" });
    const malformed = await f.app.inject({
      method: "POST",
      url: "/api/articles",
      headers: { "content-type": "text/plain", authorization: "Token abc" },
      payload: "x",
    });
    expect(malformed.statusCode).toBe(401);
    expect(await f.store.counts()).toEqual(before);
  });

  test("an article already stored is not stored again", async () => {
    const r = await upload(kandaharText, "text/plain", "?filename=kandahar-2021-10-16.txt");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ articles: 1, stored: 0, duplicates: 1 });
  });

  test("ingests a date-line text, extracts its events and logs who did it", async () => {
    const variant = kandaharText.replace("at least 41 people", "at least 41 people, officials said,");
    const before = await f.store.counts();
    const r = await upload(variant, "text/plain", "?filename=kandahar-variant.txt");
    expect(r.statusCode, r.body).toBe(201);
    const answer = r.json() as IngestAnswer;
    expect(answer).toMatchObject({ articles: 1, stored: 1, problems: [] });
    expect(answer.events.length).toBeGreaterThan(0);
    expect((await f.store.counts()).articles).toBe(before.articles + 1);
    for (const id of answer.events) expect((await f.app.inject({ url: `/api/events/${id}` })).statusCode).toBe(200);
    const audit = ((await f.app.inject({ url: "/api/audit?limit=5" })).json() as { entries: AuditEntry[] }).entries;
    expect(audit[0]).toMatchObject({ action: "ingest", actor: "token:test-editor" });
  });

  test("ingests JSONL, an HTML page, an RSS feed and a JSON body with the CLI's readers", async () => {
    const jsonl = await upload(input("mixed.jsonl"), "application/x-ndjson", "?filename=mixed.jsonl");
    expect(jsonl.statusCode, jsonl.body).toBe(201);
    const j = jsonl.json() as IngestAnswer;
    expect(j.stored).toBe(2);
    // The broken lines are named with their line and code; the good ones are still ingested.
    expect(j.problems.map((p) => [p.code, p.line])).toEqual(
      expect.arrayContaining([
        ["E_JSONL_SYNTAX", 2],
        ["E_DATE_INVALID", 3],
      ]),
    );
    const html = await upload(input("page.html"), "text/html", "?filename=page.html");
    expect(html.statusCode, html.body).toBe(201);
    const page = (await f.app.inject({ url: "/api/articles?limit=1" })).json() as { articles: StoredArticle[] };
    const stored = (await f.app.inject({ url: `/api/articles/${page.articles[0]!.id}` })).json() as ArticleWithText;
    expect(stored.text).not.toContain("window.tracker");
    expect(stored.published).toBe("2021-10-16");
    const rss = await upload(input("feed.rss"), "application/rss+xml", "?filename=feed.rss");
    expect(rss.statusCode, rss.body).toBe(201);
    expect((rss.json() as IngestAnswer).stored).toBe(1);
    const json = await upload(
      JSON.stringify({
        articles: [
          {
            id: "json-1",
            published: "2021-09-01",
            text: "Gunmen killed four police officers at a checkpoint in Kunduz on Tuesday, officials said.",
          },
        ],
      }),
      "application/json",
    );
    expect(json.statusCode, json.body).toBe(201);
    expect((json.json() as IngestAnswer).stored).toBe(1);
  });

  test("bad uploads get the catalogue's code and status, and nothing stored is lost", async () => {
    const before = await f.store.counts();
    const big = await upload("x".repeat(UPLOAD_LIMIT + 1), "text/plain");
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({
      code: "E_PAYLOAD_TOO_LARGE",
      field: "body",
      message: expect.stringContaining(`the limit is ${UPLOAD_LIMIT.toLocaleString("en")} bytes`),
    });
    const binary = await upload(input("image.png"), "application/octet-stream", "?filename=image.png");
    expect(binary.statusCode).toBe(415);
    expect(binary.json()).toMatchObject({ code: "E_INPUT_BINARY" });
    const latin1 = await upload(input("latin1.txt"), "text/plain");
    expect(latin1.statusCode).toBe(415);
    expect(latin1.json()).toMatchObject({ code: "E_INPUT_ENCODING" });
    const empty = await upload("", "text/plain");
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: "E_INPUT_EMPTY" });
    const pdf = await upload("%PDF-1.4", "application/pdf");
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: "E_INPUT_FORMAT" });
    const noText = await upload(JSON.stringify({ title: "no text" }), "application/json");
    expect(noText.statusCode).toBe(400);
    expect(noText.json()).toMatchObject({ code: "E_VALIDATION" });
    expect(noText.json().field).toMatch(/text/);
    const badJson = await upload("{not json", "application/json");
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ code: "E_VALIDATION", field: "body" });
    const badDate = await upload("Gunmen attacked a post.", "text/plain", "?published=2021-02-30");
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({ code: "E_VALIDATION", field: "published" });
    const allBroken = await upload(
      '{"id": "x", "text": \n{"id": "y"}\n',
      "application/x-ndjson",
      "?filename=broken.jsonl",
    );
    expect(allBroken.statusCode).toBe(422);
    expect(allBroken.json()).toMatchObject({ code: "E_JSONL_FIELD", file: "broken.jsonl", line: 2, field: "text" });
    expect(await f.store.counts()).toEqual(before);
    // Other writes have a smaller limit than uploads.
    const bigJson = await f.app.inject({
      method: "POST",
      url: "/api/events/1/corrections",
      headers: { "content-type": "application/json", ...bearer(f.editor) },
      payload: JSON.stringify({ field: "notes", value: "y".repeat(2 * 1024 * 1024) }),
    });
    expect(bigJson.statusCode).toBe(413);
    expect(bigJson.json()).toMatchObject({ code: "E_PAYLOAD_TOO_LARGE" });
  });

  test("events of an uploaded article carry evidence that points into its stored text", async () => {
    const text =
      " date 2021-11-20 Bomb kills six at market in Kabul\n\nA bomb hidden in a cart exploded at a crowded market in Kabul on Friday, killing six people and wounding 14, police said.";
    const r = await upload(text, "text/plain", "?filename=kabul.txt");
    expect(r.statusCode, r.body).toBe(201);
    const ids = (r.json() as IngestAnswer).events;
    expect(ids.length).toBeGreaterThan(0);
    const detail = (await f.app.inject({ url: `/api/events/${ids[0]}` })).json() as {
      event: StoredEvent;
      reports: StoredReport[];
    };
    const report = detail.reports.find((rep) => rep.record.evidence.text && text.includes(rep.record.evidence.text))!;
    const article = (await f.app.inject({ url: `/api/articles/${report.articleId}` })).json() as ArticleWithText;
    expect(article.text).toBe(text);
    expect(article.text.slice(report.record.evidence.start, report.record.evidence.end)).toBe(
      report.record.evidence.text,
    );
  });
});
