import type { FigureRange } from "../../src/query/types.js";
import type { ActorRole } from "../../src/query/types.js";
import type { StoredEvent } from "../../src/store/store.js";
import { fmt } from "./dom.js";
import { countryName, dateText, figureText } from "./labels.js";

/** How a correctable field is edited. */
export type EditorKind =
  | "eventType"
  | "subEventType"
  | "date"
  | "datePrecision"
  | "text"
  | "countryCode"
  | "number"
  | "figure"
  | "geoPrecision"
  | "role";

export interface CorrectableField {
  /** The field name the API's corrections take. */
  readonly field: string;
  readonly label: string;
  readonly editor: EditorKind;
}

/** One line of the coded record on the event page. */
export interface RecordRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** The evidence fields (of the reports' records) that support it. */
  readonly evidence: readonly string[];
  readonly correctable: readonly CorrectableField[];
}

const actorsIn = (e: StoredEvent, role: ActorRole): string =>
  e.actors
    .filter((a) => a.role === role)
    .map((a) => (a.category ? `${a.name} (${a.category})` : a.name))
    .join("; ") || "—";

const figure = (f: FigureRange): string =>
  f.low === null && f.best === null
    ? "—"
    : `${figureText(f)} · low ${fmt(f.low)} / best ${fmt(f.best)} / high ${f.high === null ? "open" : fmt(f.high)}`;

/** The reconciled record of an event as rows, with the evidence and the corrections each row has. */
export function recordRows(e: StoredEvent): RecordRow[] {
  const coords = e.lat !== null && e.lon !== null ? ` · ${e.lat.toFixed(3)}, ${e.lon.toFixed(3)}` : "";
  return [
    {
      key: "eventType",
      label: "Event type",
      value: `${e.eventType} / ${e.subEventType}`,
      evidence: ["eventType"],
      correctable: [
        { field: "eventType", label: "Event type", editor: "eventType" },
        { field: "subEventType", label: "Sub-event type", editor: "subEventType" },
      ],
    },
    {
      key: "date",
      label: "Date",
      value: dateText(e),
      evidence: ["date"],
      correctable: [
        { field: "dateStart", label: "Start", editor: "date" },
        { field: "dateEnd", label: "End", editor: "date" },
        { field: "datePrecision", label: "Precision", editor: "datePrecision" },
      ],
    },
    {
      key: "location",
      label: "Location",
      value: `${[e.place, e.admin2, e.admin1, e.country ?? countryName(e.countryCode)].filter(Boolean).join(", ") || "—"}${coords}${e.geoPrecision ? ` (${e.geoPrecision})` : ""}`,
      evidence: ["location", "site"],
      correctable: [
        { field: "place", label: "Place", editor: "text" },
        { field: "admin1", label: "Admin1", editor: "text" },
        { field: "country", label: "Country", editor: "text" },
        { field: "countryCode", label: "Country code", editor: "countryCode" },
        { field: "lat", label: "Latitude", editor: "number" },
        { field: "lon", label: "Longitude", editor: "number" },
        { field: "geoPrecision", label: "Precision", editor: "geoPrecision" },
      ],
    },
    {
      key: "perpetrators",
      label: "Perpetrators",
      value: actorsIn(e, "perpetrator"),
      evidence: ["perpetratorOrgs", "perpetratorIndividuals"],
      correctable: [],
    },
    { key: "targets", label: "Targets", value: actorsIn(e, "target"), evidence: ["targets"], correctable: [] },
    { key: "victims", label: "Victims", value: actorsIn(e, "victim"), evidence: ["victims"], correctable: [] },
    { key: "weapons", label: "Weapons", value: e.weapons.join("; ") || "—", evidence: ["weapons"], correctable: [] },
    { key: "claimedBy", label: "Claimed by", value: actorsIn(e, "claimant"), evidence: ["claimedBy"], correctable: [] },
    {
      key: "killed",
      label: "Killed",
      value: figure(e.killed),
      evidence: ["killed"],
      correctable: [{ field: "killed", label: "Killed", editor: "figure" }],
    },
    {
      key: "injured",
      label: "Injured",
      value: figure(e.injured),
      evidence: ["injured"],
      correctable: [{ field: "injured", label: "Injured", editor: "figure" }],
    },
    {
      key: "kidnapped",
      label: "Kidnapped",
      value: figure(e.kidnapped),
      evidence: ["kidnapped"],
      correctable: [{ field: "kidnapped", label: "Kidnapped", editor: "figure" }],
    },
    { key: "sources", label: "Sources", value: e.sources.join("; ") || "—", evidence: ["sources"], correctable: [] },
    {
      key: "role",
      label: "Role",
      value: e.role,
      evidence: [],
      correctable: [{ field: "role", label: "Role", editor: "role" }],
    },
    {
      key: "notes",
      label: "Notes",
      value: e.notes ?? "—",
      evidence: [],
      correctable: [{ field: "notes", label: "Notes", editor: "text" }],
    },
  ];
}

/** The current value of a correctable field, as the corrections API takes it. */
export function currentValue(e: StoredEvent, field: string): unknown {
  return (e as unknown as Record<string, unknown>)[field] ?? null;
}
