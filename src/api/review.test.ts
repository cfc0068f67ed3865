import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ingestArticles } from "../ingest/pipeline.js";
import type { AuditEntry, EventDetail, StoredEvent } from "../store/store.js";
import { bearer, frozenArticles, openFixture, type Fixture } from "../../test/fixtures/api/fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const post = (url: string, body: unknown, token: string | null = f.editor) =>
  f.app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) },
    payload: JSON.stringify(body),
  });

const detail = async (id: number) => (await f.app.inject({ url: `/api/events/${id}` })).json() as EventDetail;

async function eventWhere(query: string): Promise<StoredEvent> {
  const page = (await f.app.inject({ url: `/api/events?${query}` })).json() as { events: StoredEvent[] };
  const e = page.events[0];
  if (!e) throw new Error(`no fixture event for ${query}`);
  return e;
}

const kandahar = () => eventWhere("admin1=Kandahar&subType=Suicide%20bomb");

async function auditOf(id: number): Promise<AuditEntry[]> {
  return ((await f.app.inject({ url: `/api/audit?event=${id}` })).json() as { entries: AuditEntry[] }).entries;
}

describe("corrections", () => {
  test("need a valid editor token", async () => {
    const e = await kandahar();
    expect((await post(`/api/events/${e.id}/corrections`, { field: "notes", value: "x" }, null)).statusCode).toBe(401);
    const bad = await post(`/api/events/${e.id}/corrections`, { field: "notes", value: "x" }, "sitrep_forged");
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: "E_AUTH_INVALID" });
    expect((await detail(e.id)).event.notes).toBe(e.notes);
  });

  test("correct a figure: the event changes, the decision and the audit log say who, and a new report does not undo it", async () => {
    const e = await kandahar();
    const value = { low: 41, best: 47, high: 47 };
    const r = await post(`/api/events/${e.id}/corrections`, {
      field: "killed",
      value,
      expectedVersion: e.version,
      note: "AP toll of 16 October",
    });
    expect(r.statusCode, r.body).toBe(200);
    const corrected = (r.json() as { event: StoredEvent }).event;
    expect(corrected.killed).toEqual(value);
    expect(corrected.corrected).toContain("killed");
    expect(corrected.version).toBeGreaterThan(e.version);
    const d = await detail(e.id);
    expect(
      d.decisions.some(
        (x) => x.kind === "correct" && x.by === "token:test-editor" && x.note === "AP toll of 16 October",
      ),
    ).toBe(true);
    const audit = await auditOf(e.id);
    expect(audit[0]).toMatchObject({ action: "correct", actor: "token:test-editor", eventId: e.id });
    expect(audit[0]!.detail).toMatchObject({ field: "killed", to: value });

    // A later article reporting the same attack with its own toll joins the event; the correction stands.
    const followUp = frozenArticles().find((a) => a.input.id === "kandahar-followup-2021-10-16")!;
    const later = {
      ...followUp.input,
      id: "kandahar-followup-2",
      raw: `${followUp.input.raw}\n\nFuneral prayers were held on Sunday.`,
      published: "2021-10-17",
    };
    const summary = await ingestArticles(f.store, [{ article: later }], {
      extractRecords: () => ({ records: followUp.records, hash: "kandahar-followup-2", normalisedText: later.raw }),
    });
    expect(summary.stored).toBe(1);
    expect(summary.matchedReports).toBeGreaterThan(0);
    const after = await detail(e.id);
    expect(after.reports.length).toBe(d.reports.length + 1);
    expect(after.event.killed).toEqual(value);
  });

  test("refuse an unknown field, a wrong value and a stale version, with coded errors", async () => {
    const e = await kandahar();
    const field = await post(`/api/events/${e.id}/corrections`, { field: "colour", value: "red" });
    expect(field.statusCode).toBe(400);
    expect(field.json()).toMatchObject({ code: "E_VALIDATION", field: "field" });
    const value = await post(`/api/events/${e.id}/corrections`, {
      field: "killed",
      value: { low: 50, best: 10, high: null },
    });
    expect(value.statusCode).toBe(400);
    expect(value.json()).toMatchObject({ code: "E_VALIDATION", field: "value" });
    const stale = await post(`/api/events/${e.id}/corrections`, {
      field: "notes",
      value: "late",
      expectedVersion: e.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "E_CONFLICT", field: "expectedVersion" });
    const missing = await post(`/api/events/999999/corrections`, { field: "notes", value: "x" });
    expect(missing.statusCode).toBe(404);
    expect((await detail(e.id)).event.notes).toBe(e.notes);
  });

  test("confirm a field: its value is kept as it stands and the log says it was confirmed", async () => {
    const e = await eventWhere("country=NG");
    const r = await post(`/api/events/${e.id}/confirmations`, {
      field: "subEventType",
      note: "checked against the source",
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = (r.json() as { event: StoredEvent }).event;
    expect(after.subEventType).toBe(e.subEventType);
    expect(after.corrected).toContain("subEventType");
    const d = await detail(e.id);
    expect(d.decisions.at(-1)).toMatchObject({ kind: "correct", note: "confirmed: checked against the source" });
    expect((await auditOf(e.id))[0]).toMatchObject({ action: "correct", actor: "token:test-editor" });
  });
});

describe("merge and split", () => {
  test("merge a duplicate into an event, then split its report off again", async () => {
    const keep = await eventWhere("country=AF&admin1=Kunduz");
    const dup = await eventWhere("country=AF&admin1=Nangarhar");
    const keepBefore = await detail(keep.id);
    const merged = await post(`/api/events/${keep.id}/merge`, {
      from: [dup.id],
      expectedVersion: keep.version,
      note: "same attack",
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const kept = await detail(keep.id);
    expect(kept.reports.length).toBe(keepBefore.reports.length + dup.reportCount);
    const gone = await detail(dup.id);
    expect(gone.mergedInto).toBe(keep.id);
    const listed = (await f.app.inject({ url: `/api/events?id=${dup.id}` })).json() as { total: number };
    expect(listed.total).toBe(0);
    expect((await auditOf(keep.id))[0]).toMatchObject({ action: "merge", actor: "token:test-editor" });

    const moving = kept.reports.filter((r) => !keepBefore.reports.some((b) => b.id === r.id)).map((r) => r.id);
    const split = await post(`/api/events/${keep.id}/split`, {
      reportIds: moving,
      note: "not the same attack after all",
    });
    expect(split.statusCode, split.body).toBe(201);
    const created = (split.json() as { event: StoredEvent }).event;
    expect(created.id).not.toBe(keep.id);
    const createdDetail = await detail(created.id);
    expect(createdDetail.reports.map((r) => r.id).sort()).toEqual([...moving].sort());
    expect((await detail(keep.id)).reports.length).toBe(keepBefore.reports.length);
    expect((await auditOf(keep.id))[0]).toMatchObject({ action: "split" });
  });

  test("refuse what cannot be done", async () => {
    const e = await kandahar();
    const self = await post(`/api/events/${e.id}/merge`, { from: [e.id] });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: "E_VALIDATION", field: "from" });
    const unknown = await post(`/api/events/${e.id}/merge`, { from: [999999] });
    expect(unknown.statusCode).toBe(404);
    const all = (await detail(e.id)).reports.map((r) => r.id);
    const everything = await post(`/api/events/${e.id}/split`, { reportIds: all });
    expect(everything.statusCode).toBe(400);
    expect(everything.json()).toMatchObject({ code: "E_VALIDATION", field: "reportIds" });
    const empty = await post(`/api/events/${e.id}/split`, { reportIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: "E_VALIDATION", field: "reportIds" });
  });
});

describe("tokens", () => {
  test("an editor cannot manage tokens (403); an admin creates, lists and revokes them", async () => {
    const denied = await f.app.inject({ url: "/api/tokens", headers: bearer(f.editor) });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: "E_AUTH_ROLE" });
    const created = await post("/api/tokens", { name: "temp", role: "editor" }, f.admin);
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json() as { token: string; info: { id: number; name: string } };
    expect(token).toMatch(/^sitrep_/);
    const who = await f.app.inject({ url: "/api/whoami", headers: bearer(token) });
    expect(who.json()).toMatchObject({ name: "temp", role: "editor" });
    const listed = (await f.app.inject({ url: "/api/tokens", headers: bearer(f.admin) })).json() as {
      tokens: { id: number; name: string }[];
    };
    expect(listed.tokens.map((t) => t.name)).toEqual(expect.arrayContaining(["test-editor", "test-admin", "temp"]));
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(
      (await f.app.inject({ method: "DELETE", url: `/api/tokens/${info.id}`, headers: bearer(f.admin) })).statusCode,
    ).toBe(204);
    const revoked = await f.app.inject({ url: "/api/whoami", headers: bearer(token) });
    expect(revoked.statusCode).toBe(401);
    expect(
      (await f.app.inject({ method: "DELETE", url: "/api/tokens/999", headers: bearer(f.admin) })).statusCode,
    ).toBe(404);
    const log = ((await f.app.inject({ url: "/api/audit?limit=3" })).json() as { entries: AuditEntry[] }).entries.map(
      (a) => a.action,
    );
    expect(log).toEqual(expect.arrayContaining(["token.create", "token.revoke"]));
    const badRole = await post("/api/tokens", { name: "x", role: "owner" }, f.admin);
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json()).toMatchObject({ code: "E_VALIDATION", field: "role" });
  });
});
