/** Drill-down through the hierarchy as pure functions: the map and panels only render the result. */
import type { Level } from '../graphql/codes.ts';

export interface UnitRef {
  code: string;
  shortName: string;
  level: Level;
}

/** Where the user stands: the country (empty path) or a unit with its ancestors, top first. */
export type DrillPath = UnitRef[];

/**
 * The levels in force: province → district → commune until 30/06/2025; from 01/07/2025 (the
 * two-level reform) province → commune, no district.
 */
export type Hierarchy = 'three-level' | 'two-level';

/** First year whose units (in force on 31 December, the API's time rule) are the two-level list. */
export const twoLevelFromYear = 2025;

/** The hierarchy of the units shown for a year. Pure. */
export function hierarchyOf(year: number): Hierarchy {
  return year >= twoLevelFromYear ? 'two-level' : 'three-level';
}

const childLevelsOf: Record<Hierarchy, Record<Level, Level | null>> = {
  'three-level': { PROVINCE: 'DISTRICT', DISTRICT: 'COMMUNE', COMMUNE: null, VILLAGE: null },
  'two-level': { PROVINCE: 'COMMUNE', DISTRICT: null, COMMUNE: null, VILLAGE: null },
};

/** The level shown on the map below the current unit; null at the bottom of the hierarchy. */
export function childLevel(path: DrillPath, hierarchy: Hierarchy = 'three-level'): Level | null {
  const current = path.at(-1);
  return current ? childLevelsOf[hierarchy][current.level] : 'PROVINCE';
}

/** Clicking a unit drawn on the map: go into it when it has children, else select it in place. */
export function drillInto(path: DrillPath, unit: UnitRef, hierarchy: Hierarchy = 'three-level'): DrillPath {
  const current = path.at(-1);
  if (current?.code === unit.code) return path;
  const parentPath = current && childLevelsOf[hierarchy][current.level] === null ? path.slice(0, -1) : path;
  return [...parentPath, unit];
}

/** Breadcrumb: index -1 is the country. */
export function climbTo(path: DrillPath, index: number): DrillPath {
  return path.slice(0, index + 1);
}

/** The unit whose children the map shows: the current unit, or its parent for a commune. */
export function mapParent(path: DrillPath, hierarchy: Hierarchy = 'three-level'): UnitRef | null {
  const current = path.at(-1);
  if (!current) return null;
  return childLevelsOf[hierarchy][current.level] === null ? (path.at(-2) ?? null) : current;
}

/** A generalisation tolerance (degrees) suited to the level drawn. */
export function simplifyFor(level: Level): number {
  return { PROVINCE: 0.005, DISTRICT: 0.001, COMMUNE: 0.0002, VILLAGE: 0 }[level];
}

/** The level of the units drawn on the map for this path. */
export function drawnLevel(path: DrillPath, hierarchy: Hierarchy = 'three-level'): Level {
  const parent = mapParent(path, hierarchy);
  return parent ? (childLevelsOf[hierarchy][parent.level] ?? parent.level) : 'PROVINCE';
}

/**
 * The breadcrumb's labels: short names, with the level added where a name repeats the one above it
 * (Huyện Văn Quan › Thị trấn Văn Quan reads "Văn Quan › Văn Quan (commune level)"). Pure.
 */
export function crumbLabels(path: DrillPath, levelName: (level: Level) => string): string[] {
  return path.map((unit, i) => (i > 0 && path[i - 1].shortName === unit.shortName ? `${unit.shortName} (${levelName(unit.level)})` : unit.shortName));
}
