/** What the transform, scale, translate and zoom properties do to an element's size and position. */
import { functionArguments, topLevelTokens } from "./css-tokens.js";
import { resolveLength, resolveNumber, type LengthContext } from "./length.js";

export interface TransformEffect {
  /** Smallest of the horizontal and vertical scale factors. */
  scale: number;
  /** Translation in px (percentages, which need the box, are not counted). */
  translateX: number;
  translateY: number;
}

export const IDENTITY: TransformEffect = { scale: 1, translateX: 0, translateY: 0 };

function numbers(args: readonly string[]): number[] | null {
  const out = args.map(resolveNumber);
  return out.every((n): n is number => n !== null) ? out : null;
}

function length(arg: string | undefined, ctx: LengthContext): number {
  if (arg === undefined) return 0;
  return resolveLength(arg, { ...ctx, percentOfPx: null }) ?? 0;
}

/** The effect of one transform function on [sx, sy, tx, ty]. */
function applyFunction(token: string, ctx: LengthContext, acc: [number, number, number, number]): void {
  const name = /^([a-z0-9-]+)\(/iu.exec(token)?.[1]?.toLowerCase();
  if (!name) return;
  const args = functionArguments(token, name) ?? [];
  switch (name) {
    case "scale":
    case "scale3d": {
      const n = numbers(args);
      if (!n || n.length === 0) return;
      acc[0] *= n[0];
      acc[1] *= name === "scale" ? (n[1] ?? n[0]) : (n[1] ?? 1);
      return;
    }
    case "scalex":
    case "scaley": {
      const n = numbers(args);
      if (!n || n.length === 0) return;
      if (name === "scalex") acc[0] *= n[0];
      else acc[1] *= n[0];
      return;
    }
    case "matrix":
    case "matrix3d": {
      const n = numbers(args);
      if (!n) return;
      if (name === "matrix" && n.length === 6) {
        acc[0] *= Math.hypot(n[0], n[1]);
        acc[1] *= Math.hypot(n[2], n[3]);
        acc[2] += n[4];
        acc[3] += n[5];
      } else if (name === "matrix3d" && n.length === 16) {
        acc[0] *= Math.hypot(n[0], n[1], n[2]);
        acc[1] *= Math.hypot(n[4], n[5], n[6]);
        acc[2] += n[12];
        acc[3] += n[13];
      }
      return;
    }
    case "translate":
    case "translate3d":
      acc[2] += length(args[0], ctx);
      acc[3] += length(args[1], ctx);
      return;
    case "translatex":
      acc[2] += length(args[0], ctx);
      return;
    case "translatey":
      acc[3] += length(args[0], ctx);
      return;
    default:
      return;
  }
}

/** The combined effect of `transform`, `scale`, `translate` and `zoom` values (null when not set). */
export function transformEffect(
  values: { transform: string | null; scale: string | null; translate: string | null; zoom: string | null },
  ctx: LengthContext,
): TransformEffect {
  const acc: [number, number, number, number] = [1, 1, 0, 0];
  if (values.transform && values.transform.trim().toLowerCase() !== "none") {
    for (const token of topLevelTokens(values.transform)) applyFunction(token, ctx, acc);
  }
  if (values.scale && values.scale.trim().toLowerCase() !== "none") {
    const n = numbers(topLevelTokens(values.scale));
    if (n && n.length > 0) {
      acc[0] *= n[0];
      acc[1] *= n[1] ?? n[0];
    }
  }
  if (values.translate && values.translate.trim().toLowerCase() !== "none") {
    const [x, y] = topLevelTokens(values.translate);
    acc[2] += length(x, ctx);
    acc[3] += length(y, ctx);
  }
  if (values.zoom && values.zoom.trim().toLowerCase() !== "normal") {
    const z = resolveNumber(values.zoom);
    if (z !== null && z > 0) {
      acc[0] *= z;
      acc[1] *= z;
    }
  }
  return { scale: Math.min(Math.abs(acc[0]), Math.abs(acc[1])), translateX: acc[2], translateY: acc[3] };
}
