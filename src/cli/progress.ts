import cliProgress from "cli-progress";

export interface Progress {
  tick(n?: number): void;
  stop(): void;
}

/**
 * A progress line on stderr for long runs; silent when stderr is not a terminal (pipes, CI) or
 * when asked to be quiet, so that scripts read clean output.
 */
export function progress(label: string, options: { quiet?: boolean; total?: number } = {}): Progress {
  if (options.quiet || !process.stderr.isTTY) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: options.total ? `${label} [{bar}] {value}/{total} {eta_formatted}` : `${label} {value} ({speed}/s)`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  bar.start(options.total ?? 0, 0, { speed: "0" });
  return {
    tick(n = 1) {
      done += n;
      const secs = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(done, { speed: (done / secs).toFixed(0) });
    },
    stop() {
      bar.stop();
    },
  };
}
