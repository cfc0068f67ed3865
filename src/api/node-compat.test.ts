import { createRequire } from "node:module";
import Fastify from "fastify";
import { describe, expect, test } from "vitest";

/**
 * content-disposition@3 (used by @fastify/static) and cookie@2 (used by light-my-request, which
 * answers fastify.inject) declare node >= 22. sitrep supports Node 20: these check the parts of
 * them the server and its tests use, on the Node that runs the tests.
 */
const require = createRequire(import.meta.url);

describe(`dependencies that declare node >= 22, on Node ${process.versions.node}`, () => {
  test("content-disposition builds attachment headers, with non-ASCII names", () => {
    // @fastify/static loads this ES module with require(), which Node 20 does from 20.19 on.
    const { create } = require(
      require.resolve("content-disposition", { paths: [require.resolve("@fastify/static")] }),
    ) as { create: (name: string) => string };
    expect(create("events.csv")).toBe("attachment; filename=events.csv");
    expect(create("my events.csv")).toBe('attachment; filename="my events.csv"');
    expect(create("Kandahār.csv")).toContain("filename*=UTF-8''Kandah%C4%81r.csv");
  });

  test("cookie parses what inject reads from Set-Cookie", async () => {
    const app = Fastify();
    app.get("/", async (_req, reply) => reply.header("set-cookie", "sitrep=1; Path=/; HttpOnly").send("ok"));
    const r = await app.inject({ url: "/", cookies: { sent: "yes" } });
    expect(r.cookies).toEqual([expect.objectContaining({ name: "sitrep", value: "1", path: "/", httpOnly: true })]);
    await app.close();
  });
});
