/** CSS lengths resolved to CSS px, including calc(), min(), max() and clamp(). */

export interface LengthContext {
  /** Font size em refers to (the parent's for font-size itself). */
  emPx: number;
  /** Font size of the root element. */
  remPx: number;
  /** What 100% is, or null when percentages cannot be resolved. */
  percentOfPx: number | null;
  viewportWidth: number;
  viewportHeight: number;
}

const ABSOLUTE: Record<string, number> = {
  px: 1,
  pt: 96 / 72,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
};

function unitPx(n: number, unit: string, ctx: LengthContext): number | null {
  const abs = ABSOLUTE[unit];
  if (abs !== undefined) return n * abs;
  switch (unit) {
    case "em":
      return n * ctx.emPx;
    case "rem":
      return n * ctx.remPx;
    case "ex":
    case "ch":
    case "cap":
      return n * ctx.emPx * 0.5;
    case "lh":
      return n * ctx.emPx * 1.2;
    case "vw":
    case "svw":
    case "lvw":
    case "dvw":
      return (n * ctx.viewportWidth) / 100;
    case "vh":
    case "svh":
    case "lvh":
    case "dvh":
      return (n * ctx.viewportHeight) / 100;
    case "vmin":
      return (n * Math.min(ctx.viewportWidth, ctx.viewportHeight)) / 100;
    case "vmax":
      return (n * Math.max(ctx.viewportWidth, ctx.viewportHeight)) / 100;
    case "%":
      return ctx.percentOfPx === null ? null : (n * ctx.percentOfPx) / 100;
    default:
      return null;
  }
}

/** A term of a math expression: a length in px, or a plain number. */
interface Term {
  value: number;
  length: boolean;
}

/** A small recursive-descent evaluator for calc() and its relatives. */
class MathParser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly ctx: LengthContext,
  ) {}

  parse(): Term | null {
    const t = this.sum();
    this.space();
    return t !== null && this.pos === this.src.length ? t : null;
  }

  private space(): void {
    while (this.pos < this.src.length && /\s/u.test(this.src[this.pos])) this.pos++;
  }

  private sum(): Term | null {
    let left = this.product();
    for (;;) {
      if (left === null) return null;
      this.space();
      const op = this.src[this.pos];
      if (op !== "+" && op !== "-") return left;
      this.pos++;
      const right = this.product();
      if (right === null || right.length !== left.length) return null;
      left = { value: op === "+" ? left.value + right.value : left.value - right.value, length: left.length };
    }
  }

  private product(): Term | null {
    let left = this.atom();
    for (;;) {
      if (left === null) return null;
      this.space();
      const op = this.src[this.pos];
      if (op !== "*" && op !== "/") return left;
      this.pos++;
      const right = this.atom();
      if (right === null) return null;
      if (op === "*") {
        if (left.length && right.length) return null;
        left = { value: left.value * right.value, length: left.length || right.length };
      } else {
        if (right.length || right.value === 0) return null;
        left = { value: left.value / right.value, length: left.length };
      }
    }
  }

  private args(): Term[] | null {
    const out: Term[] = [];
    for (;;) {
      const t = this.sum();
      if (t === null) return null;
      out.push(t);
      this.space();
      const ch = this.src[this.pos];
      this.pos++;
      if (ch === ")") return out;
      if (ch !== ",") return null;
    }
  }

  private atom(): Term | null {
    this.space();
    const rest = this.src.slice(this.pos);
    const fn = /^(calc|min|max|clamp)?\(/iu.exec(rest);
    if (fn) {
      this.pos += fn[0].length;
      const args = this.args();
      if (args === null || args.length === 0 || args.some((a) => a.length !== args[0].length)) return null;
      const name = (fn[1] ?? "calc").toLowerCase();
      const values = args.map((a) => a.value);
      const length = args[0].length;
      if (name === "calc") return args.length === 1 ? args[0] : null;
      if (name === "min") return { value: Math.min(...values), length };
      if (name === "max") return { value: Math.max(...values), length };
      if (values.length !== 3) return null;
      return { value: Math.max(values[0], Math.min(values[1], values[2])), length };
    }
    const num = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%|[a-z]+)?/iu.exec(rest);
    if (!num) return null;
    this.pos += num[0].length;
    const n = parseFloat(num[1]);
    if (num[2] === undefined) return { value: n, length: false };
    const px = unitPx(n, num[2].toLowerCase(), this.ctx);
    return px === null ? null : { value: px, length: true };
  }
}

/** A length in CSS px, or null when the value is not a length that can be resolved here (auto, a keyword, an unknown unit). */
export function resolveLength(value: string, ctx: LengthContext): number | null {
  const v = value.trim().toLowerCase();
  if (v === "0" || v === "-0" || v === "+0") return 0;
  const simple = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%|[a-z]+)$/u.exec(v);
  if (simple) return unitPx(parseFloat(simple[1]), simple[2], ctx);
  if (!/^(calc|min|max|clamp)\(/u.test(v)) return null;
  const term = new MathParser(v, ctx).parse();
  return term !== null && term.length ? term.value : null;
}

/** A plain number (opacity, a unitless scale), or a percentage divided by 100; null otherwise. */
export function resolveNumber(value: string): number | null {
  const v = value.trim().toLowerCase();
  const pct = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/u.exec(v);
  if (pct) return parseFloat(pct[1]) / 100;
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/u.test(v)) return parseFloat(v);
  if (!/^(calc|min|max|clamp)\(/u.test(v)) return null;
  const term = new MathParser(v, { emPx: 16, remPx: 16, percentOfPx: null, viewportWidth: 0, viewportHeight: 0 }).parse();
  return term !== null && !term.length ? term.value : null;
}
