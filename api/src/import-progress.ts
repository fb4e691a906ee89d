import cliProgress from 'cli-progress';

/** Progress of a long import: a bar on a terminal, a line per quarter in logs and CI. */
export interface ImportProgress {
  start(stage: string, total: number): void;
  advance(count: number): void;
  finish(): void;
}

export function createProgress(interactive: boolean, log: (line: string) => void = console.log): ImportProgress {
  return interactive ? barProgress() : lineProgress(log);
}

function barProgress(): ImportProgress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(stage, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { format: `${stage.padEnd(28)} [{bar}] {value}/{total} {eta_formatted}`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    advance(count) {
      bar?.increment(count);
    },
    finish() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function lineProgress(log: (line: string) => void): ImportProgress {
  let stage = '';
  let total = 0;
  let done = 0;
  let reported = 0;
  return {
    start(name, count) {
      stage = name;
      total = count;
      done = 0;
      reported = 0;
      log(`${stage}: 0/${total}`);
    },
    advance(count) {
      done += count;
      const quarter = Math.floor((done / Math.max(total, 1)) * 4);
      if (quarter > reported) {
        reported = quarter;
        log(`${stage}: ${done}/${total}`);
      }
    },
    finish() {},
  };
}
