import { SitrepError } from "../core/errors.js";
import type { Store, StoreTx, StoredEvent } from "../store/store.js";
import { reconcile } from "./reconcile.js";
import { newEvent, refreshEvent, reportView } from "./resolver.js";

/**
 * An analyst's decisions on events: merge two events, split reports off into a new event,
 * correct a field. Each is recorded (decisions table) with who and why, logged in the audit log,
 * and kept: reconciliation applies corrections again whenever new reports arrive, and reports
 * placed by hand are never moved by automatic resolution.
 */

interface Who {
  /** The analyst or token name. */
  readonly by: string;
  readonly note?: string | null;
}

/** Fields an analyst may correct, and a check of the value each takes. */
const CORRECTABLE: Record<string, (v: unknown) => boolean> = {
  eventType: (v) => typeof v === "string" && v.length > 0,
  subEventType: (v) => typeof v === "string" && v.length > 0,
  dateStart: (v) => v === null || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)),
  dateEnd: (v) => v === null || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)),
  datePrecision: (v) => v === null || ["day", "week", "month", "year"].includes(v as string),
  country: (v) => v === null || typeof v === "string",
  countryCode: (v) => v === null || (typeof v === "string" && /^[A-Z]{2}$/.test(v)),
  admin1: (v) => v === null || typeof v === "string",
  admin2: (v) => v === null || typeof v === "string",
  place: (v) => v === null || typeof v === "string",
  lat: (v) => v === null || (typeof v === "number" && Math.abs(v) <= 90),
  lon: (v) => v === null || (typeof v === "number" && Math.abs(v) <= 180),
  geoPrecision: (v) =>
    v === null || ["site", "city", "district", "province", "country", "region"].includes(v as string),
  killed: isFigure,
  injured: isFigure,
  kidnapped: isFigure,
  role: (v) => v === "reported" || v === "background",
  notes: (v) => v === null || typeof v === "string",
};

function isFigure(v: unknown): boolean {
  if (!v || typeof v !== "object") return false;
  const f = v as Record<string, unknown>;
  const ok = (x: unknown) => x === null || (typeof x === "number" && Number.isInteger(x) && x >= 0);
  if (!ok(f.low) || !ok(f.best) || !ok(f.high)) return false;
  const [low, best, high] = [f.low as number | null, f.best as number | null, f.high as number | null];
  return (low === null || best === null || low <= best) && (best === null || high === null || best <= high);
}

async function liveEvent(tx: StoreTx, id: number, expectedVersion?: number): Promise<StoredEvent> {
  const e = await tx.eventById(id);
  if (!e) throw new SitrepError("E_NOT_FOUND", `no event ${id}`, { field: "eventId" });
  const merged = (await tx.decisionsOf(id)).some((d) => d.kind === "merge" && d.eventIds.slice(1).includes(id));
  if (merged) throw new SitrepError("E_CONFLICT", `event ${id} was merged into another`, { field: "eventId" });
  if (expectedVersion !== undefined && e.version !== expectedVersion) {
    throw new SitrepError("E_CONFLICT", `event ${id} is at version ${e.version}, not ${expectedVersion}`, {
      field: "expectedVersion",
    });
  }
  return e;
}

/** Moves every report of `from` into `into`; `from` then redirects to `into`. */
export async function mergeEvents(
  store: Store,
  m: Who & { into: number; from: readonly number[]; expectedVersion?: number },
): Promise<StoredEvent> {
  if (m.from.length === 0 || m.from.includes(m.into))
    throw new SitrepError("E_VALIDATION", "merge needs other events than the one kept", { field: "from" });
  return store.transaction(async (tx) => {
    await liveEvent(tx, m.into, m.expectedVersion);
    const moved: number[] = [];
    for (const id of m.from) {
      await liveEvent(tx, id);
      const reports = await tx.reportsOfEvent(id);
      await tx.moveReports(
        reports.map((r) => r.id),
        m.into,
      );
      await tx.markMerged(id, m.into);
      moved.push(...reports.map((r) => r.id));
    }
    await tx.addDecision({
      kind: "merge",
      eventIds: [m.into, ...m.from],
      payload: { reports: moved },
      by: m.by,
      note: m.note ?? null,
    });
    await refreshEvent(tx, m.into);
    await tx.audit({ actor: m.by, action: "merge", eventId: m.into, detail: { from: m.from, reports: moved } });
    return (await tx.eventById(m.into)) as StoredEvent;
  });
}

/** Moves the given reports of an event into a new event of their own. */
export async function splitEvent(
  store: Store,
  s: Who & { eventId: number; reportIds: readonly number[]; expectedVersion?: number },
): Promise<StoredEvent> {
  return store.transaction(async (tx) => {
    const event = await liveEvent(tx, s.eventId, s.expectedVersion);
    const reports = await tx.reportsOfEvent(s.eventId);
    const moving = reports.filter((r) => s.reportIds.includes(r.id));
    if (moving.length !== s.reportIds.length || moving.length === 0 || moving.length === reports.length) {
      throw new SitrepError("E_VALIDATION", "split needs some, not all, of the event's own reports", {
        field: "reportIds",
      });
    }
    const movingIds = moving.map((r) => r.id);
    const { fields } = reconcile(moving.map((r) => reportView(r)));
    // Counts and fields are made right by the refresh below, once the reports have moved.
    const created = await tx.insertEvent(
      newEvent(fields, event.dataset, null, { reportCount: moving.length, articleCount: 0, sourceCount: 0 }),
    );
    await tx.moveReports(movingIds, created);
    await tx.addDecision({
      kind: "split",
      eventIds: [s.eventId, created],
      payload: { reports: movingIds },
      by: s.by,
      note: s.note ?? null,
    });
    await refreshEvent(tx, s.eventId);
    await refreshEvent(tx, created);
    await tx.audit({ actor: s.by, action: "split", eventId: s.eventId, detail: { created, reports: movingIds } });
    return (await tx.eventById(created)) as StoredEvent;
  });
}

/** Sets a field of an event by hand; the value stands whatever reports arrive later. */
export async function correctEvent(
  store: Store,
  c: Who & { eventId: number; field: string; value: unknown; expectedVersion?: number },
): Promise<StoredEvent> {
  const check = CORRECTABLE[c.field];
  if (!check)
    throw new SitrepError(
      "E_VALIDATION",
      `"${c.field}" cannot be corrected; fields: ${Object.keys(CORRECTABLE).join(", ")}`,
      { field: "field" },
    );
  if (!check(c.value))
    throw new SitrepError("E_VALIDATION", `${JSON.stringify(c.value)} is not a valid ${c.field}`, { field: "value" });
  return store.transaction(async (tx) => {
    const before = await liveEvent(tx, c.eventId, c.expectedVersion);
    await tx.addDecision({
      kind: "correct",
      eventIds: [c.eventId],
      payload: { field: c.field, value: c.value },
      by: c.by,
      note: c.note ?? null,
    });
    await refreshEvent(tx, c.eventId);
    await tx.audit({
      actor: c.by,
      action: "correct",
      eventId: c.eventId,
      detail: { field: c.field, from: (before as unknown as Record<string, unknown>)[c.field] ?? null, to: c.value },
    });
    return (await tx.eventById(c.eventId)) as StoredEvent;
  });
}
