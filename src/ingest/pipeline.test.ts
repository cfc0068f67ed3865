import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../core/errors.js";
import { RunReport } from "../cli/report.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { SEED, SEED_PATH } from "../../test/fixtures/db/articles.js";
import { importFile } from "../import/import.js";
import { ISK_FIXTURE } from "../store/contract.js";
import { readInputs } from "./inputs.js";
import { ingestArticles } from "./pipeline.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ingest of a folder with bad files", () => {
  it("ingests everything else and reports the binary file, the empty file and the malformed JSONL line by path and line (exit status 3)", async () => {
    const folder = join(dir, "reports");
    rmSync(folder, { recursive: true, force: true });
    const { mkdirSync } = await import("node:fs");
    mkdirSync(folder);
    copyFileSync(SEED_PATH, join(folder, "kandahar-2021-10-16.txt"));
    writeFileSync(
      join(folder, "photo.png"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    writeFileSync(join(folder, "empty.txt"), "");
    const body = SEED.slice(SEED.indexOf("\n") + 1);
    writeFileSync(
      join(folder, "wire.jsonl"),
      [
        JSON.stringify({ id: "w1", published: "2021-10-16", title: "Kandahar", text: body }),
        '{"id": "w2", "published": "2021-10-16", "text": "unterminated',
        JSON.stringify({
          id: "w3",
          published: "2021-10-17",
          title: "Kabul",
          text: "Gunmen attacked a checkpoint in Kabul on Saturday, killing two Taliban fighters.",
        }),
      ].join("\n"),
    );

    const store = SqliteStore.open(join(dir, "ingest.db"));
    const report = new RunReport();
    const silent = { problem: (e: Parameters<RunReport["problem"]>[0]) => report.problems.push(e) };
    const summary = await ingestArticles(store, readInputs([folder]), {
      onProblem: silent.problem,
      onArticle: () => report.articles++,
    });
    expect(summary.stored).toBe(3);
    expect(
      summary.problems.map((p) => [p.code, p.where.file?.replace(`${folder}/`, ""), p.where.line ?? null]).sort(),
    ).toEqual([
      ["E_INPUT_BINARY", "photo.png", null],
      ["E_INPUT_EMPTY", "empty.txt", null],
      ["E_JSONL_SYNTAX", "wire.jsonl", 2],
    ]);
    expect(report.exitCode()).toBe(EXIT.PARTIAL);
    const counts = await store.counts();
    expect(counts.articles).toBe(3);

    // The same folder again: nothing new is stored, the counts stay as they were.
    const again = await ingestArticles(store, readInputs([folder]), { onProblem: () => undefined });
    expect(again.stored).toBe(0);
    expect(again.duplicates).toBe(3);
    expect(await store.counts()).toEqual(counts);
    await store.close();
  });
});

describe("ingest end to end, with the extractor", () => {
  it("makes the seed article's Kandahar bombing and its recalled Kunduz attack reports of the dataset's events", async () => {
    const store = SqliteStore.open(":memory:");
    await importFile(store, ISK_FIXTURE);
    const before = await store.counts();
    const summary = await ingestArticles(store, readInputs([SEED_PATH]));
    expect(summary.stored).toBe(1);
    expect((await store.counts()).events).toBe(before.events);
    const byId = async (id: string) => (await store.queryEvents({})).events.find((e) => e.originalId === id)!;
    const kandahar = await byId("FX-AFG-1015");
    const kunduz = await byId("FX-AFG-1008");
    expect(kandahar.reportCount).toBe(2);
    expect(kunduz.reportCount).toBe(2);
    // The article's own report keeps its evidence in the stored text.
    const detail = (await store.getEvent(kandahar.id))!;
    const fromArticle = detail.reports.find((r) => r.origin === "article")!;
    expect(fromArticle.record.role).toBe("reported");
    const text = (await store.getArticle(fromArticle.articleId!))!.text;
    expect(text.slice(fromArticle.record.evidence.start, fromArticle.record.evidence.end)).toBe(
      fromArticle.record.evidence.text,
    );
    expect(detail.reports.find((r) => r.origin === "article" && r.eventId === kunduz.id)).toBeUndefined();
    expect((await store.getEvent(kunduz.id))!.reports.find((r) => r.origin === "article")!.record.role).toBe(
      "background",
    );
    await store.close();
  });
});
