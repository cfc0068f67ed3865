import type { Command } from "commander";
import { userInfo } from "node:os";
import { SitrepError } from "../../core/errors.js";
import { openStore } from "../../store/open.js";
import type { Store, TokenRole } from "../../store/store.js";
import { oneOf } from "../options.js";
import { renderTable } from "../table.js";

async function withStore<T>(program: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(program.opts<{ db: string }>().db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const cliActor = (): string => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
};

export function registerToken(program: Command): void {
  const token = program
    .command("token")
    .description("API tokens: editors may ingest and review through the API, admins may also manage tokens");

  token
    .command("create")
    .description("create a token and print it (it is shown only this once; the database keeps its hash)")
    .requiredOption("--name <name>", "who or what will use it (shown in the audit log)")
    .option("--role <role>", "editor | admin", "editor")
    .action(async (opts: { name: string; role: string }) => {
      const role = oneOf<TokenRole>("--role", opts.role, ["editor", "admin"]);
      const name = opts.name.trim();
      if (!name) throw new SitrepError("E_USAGE", "--name must not be empty");
      await withStore(program, async (store) => {
        const { token: plain, info } = await store.createToken(name, role);
        await store.transaction((tx) =>
          tx.audit({
            actor: cliActor(),
            action: "token.create",
            eventId: null,
            detail: { id: info.id, name: info.name, role: info.role },
          }),
        );
        process.stderr.write(
          `sitrep: token ${info.id} "${info.name}" (${info.role}) created; keep it now, it will not be shown again:\n`,
        );
        process.stdout.write(`${plain}\n`);
      });
    });

  token
    .command("list")
    .description("list tokens (never the tokens themselves)")
    .option("-f, --format <format>", "table | json", "table")
    .action(async (opts: { format: string }) => {
      oneOf("--format", opts.format, ["table", "json"]);
      await withStore(program, async (store) => {
        const tokens = await store.listTokens();
        if (opts.format === "json") {
          process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
          return;
        }
        const rows = tokens.map((t) => [
          t.id,
          t.name,
          t.role,
          t.createdAt.slice(0, 19),
          t.lastUsedAt?.slice(0, 19) ?? "",
          t.revokedAt ? `revoked ${t.revokedAt.slice(0, 19)}` : "active",
        ]);
        process.stdout.write(`${renderTable(["id", "name", "role", "created", "last used", "state"], rows)}\n`);
      });
    });

  token
    .command("revoke")
    .description("revoke a token: requests with it are refused from now on")
    .argument("<id>", "the token's id (see `sitrep token list`)")
    .action(async (id: string) => {
      const n = Number(id);
      if (!Number.isInteger(n) || n < 1)
        throw new SitrepError("E_USAGE", `the token id must be a positive whole number, not "${id}"`);
      await withStore(program, async (store) => {
        const found = (await store.listTokens()).find((t) => t.id === n);
        if (!found) throw new SitrepError("E_NOT_FOUND", `no token ${n}`, { field: "id" });
        await store.revokeToken(n);
        await store.transaction((tx) =>
          tx.audit({ actor: cliActor(), action: "token.revoke", eventId: null, detail: { id: n, name: found.name } }),
        );
        process.stderr.write(`sitrep: token ${n} "${found.name}" revoked\n`);
      });
    });
}
