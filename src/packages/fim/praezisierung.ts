/**
 * The praezisierung of a Datenfeld: length, value range and pattern. XDatenfelder 3.0 puts them in
 * attributes; 2.0 in free text, which real schemas fill with JSON, ranges, lengths or prose.
 */
import type { XmlElement } from './xml.ts';

export interface Praezisierung {
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  pattern?: string;
  /** 2.0 free text that is neither JSON nor a range, kept for a warning. */
  unparsed?: string;
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value !== 'number' && (typeof value !== 'string' || !value.trim())) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

const KEYS = ['minLength', 'maxLength', 'minValue', 'maxValue', 'pattern'] as const;

/** Only the known keys, so JSON like {"__proto__": …} cannot reach anything. */
function fromJson(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') return undefined;
    return Object.fromEntries(
      KEYS.filter((k) => Object.hasOwn(parsed, k)).map((k) => [k, (parsed as Record<string, unknown>)[k]]),
    );
  } catch {
    return undefined;
  }
}

/** 3.0 puts the constraints in attributes; 2.0 in text, as JSON (`{"minLength":"1"}`), a range `1..31` or a length `5`. */
export function readPraezisierung(element: XmlElement | undefined): Praezisierung {
  if (!element) return {};
  const source: Record<string, unknown> = { ...element.attributes };
  const text = element.text.trim();
  if (Object.keys(source).length === 0 && text) {
    const range = /^(\d+)\s*\.\.\s*(\d+)$/.exec(text);
    const json = text.startsWith('{') ? fromJson(text) : undefined;
    if (json) {
      Object.assign(source, json);
    } else if (range) {
      Object.assign(source, {
        minLength: range[1],
        maxLength: range[2],
        minValue: range[1],
        maxValue: range[2],
      });
    } else if (/^\d+$/.test(text)) {
      source.maxLength = text;
    } else {
      return { unparsed: text };
    }
  }
  const result: Praezisierung = {};
  for (const key of KEYS.filter((k) => k !== 'pattern')) {
    const value = toNumber(source[key]);
    if (value !== undefined) result[key] = value;
  }
  if (typeof source.pattern === 'string' && source.pattern) result.pattern = source.pattern;
  return result;
}
