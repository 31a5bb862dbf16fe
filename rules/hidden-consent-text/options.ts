/** The readability thresholds hidden-consent-text judges text by: its options, their defaults and their schema. */
import type { OptionsSchema } from "../../lint/types.js";

export type HiddenTextOptions = {
  /** Smallest readable font size in CSS px. */
  minFontPx: number;
  /** Smallest readable WCAG contrast ratio. */
  minContrast: number;
  /** Smallest readable effective opacity. */
  minOpacity: number;
  /** Transform scale at or below which text counts as scaled to near zero. */
  minTransformScale: number;
};

export const DEFAULT_OPTIONS: HiddenTextOptions = {
  minFontPx: 10,
  minContrast: 3,
  minOpacity: 0.4,
  minTransformScale: 0.5,
};

export const OPTIONS_SCHEMA: OptionsSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    minFontPx: { type: "number", minimum: 0, maximum: 100, description: "Smallest readable font size in CSS px (default 10)." },
    minContrast: { type: "number", minimum: 1, maximum: 21, description: "Smallest readable WCAG contrast ratio (default 3)." },
    minOpacity: { type: "number", minimum: 0, maximum: 1, description: "Smallest readable effective opacity (default 0.4)." },
    minTransformScale: {
      type: "number",
      minimum: 0,
      maximum: 1,
      description: "Transform scale at or below which text counts as scaled to near zero (default 0.5).",
    },
  },
};
