import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/src/cli/main.js");
const examples = join(root, "examples");

describe("the built CLI (npm install builds it)", () => {
  it("ends with status 0 and no error when its reader closes the pipe early (sitrep extract … | head)", async () => {
    expect(existsSync(cli), `${cli} is missing: run npm run build`).toBe(true);
    const child = spawn(process.execPath, [cli, "extract", examples, "--format", "jsonl"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    let first = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout.once("data", (c: Buffer) => {
      first = c.toString();
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(first.startsWith('{"id":')).toBe(true);
    expect(err).not.toMatch(/EPIPE|Error/);
    expect(status).toBe(0);
  });
});
