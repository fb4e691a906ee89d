/** Drill-down through the hierarchy as pure functions: the map and panels only render the result. */
import type { Level } from '../graphql/codes.ts';

export interface UnitRef {
  code: string;
  shortName: string;
  level: Level;
}

/** Where the user stands: the country (empty path) or a unit with its ancestors, top first. */
export type DrillPath = UnitRef[];

const childLevels: Record<Level, Level | null> = {
  PROVINCE: 'DISTRICT',
  DISTRICT: 'COMMUNE',
  COMMUNE: null,
  VILLAGE: null,
};

/** The level shown on the map below the current unit; null at the bottom of the hierarchy. */
export function childLevel(path: DrillPath): Level | null {
  const current = path.at(-1);
  return current ? childLevels[current.level] : 'PROVINCE';
}

/** Clicking a unit drawn on the map: go into it when it has children, else select it in place. */
export function drillInto(path: DrillPath, unit: UnitRef): DrillPath {
  const current = path.at(-1);
  if (current?.code === unit.code) return path;
  const parentPath = current && childLevels[current.level] === null ? path.slice(0, -1) : path;
  return [...parentPath, unit];
}

/** Breadcrumb: index -1 is the country. */
export function climbTo(path: DrillPath, index: number): DrillPath {
  return path.slice(0, index + 1);
}

/** The unit whose children the map shows: the current unit, or its parent for a commune. */
export function mapParent(path: DrillPath): UnitRef | null {
  const current = path.at(-1);
  if (!current) return null;
  return childLevels[current.level] === null ? (path.at(-2) ?? null) : current;
}

/** A generalisation tolerance (degrees) suited to the level drawn. */
export function simplifyFor(level: Level): number {
  return { PROVINCE: 0.005, DISTRICT: 0.001, COMMUNE: 0.0002, VILLAGE: 0 }[level];
}

/** The level of the units drawn on the map for this path. */
export function drawnLevel(path: DrillPath): Level {
  const parent = mapParent(path);
  return parent ? (childLevels[parent.level] ?? parent.level) : 'PROVINCE';
}
