import { Migration20261123000000_postgis } from './Migration20261123000000_postgis.ts';
import { Migration20261123000100_admin_units } from './Migration20261123000100_admin_units.ts';
import { Migration20261123000200_ntm_status } from './Migration20261123000200_ntm_status.ts';
import { Migration20261123000300_tile_geometry } from './Migration20261123000300_tile_geometry.ts';
import { Migration20261123134533_auth_audit } from './Migration20261123134533_auth_audit.ts';
import { Migration20261123134927_assessment_imports } from './Migration20261123134927_assessment_imports.ts';
import { Migration20261123150000_data_version } from './Migration20261123150000_data_version.ts';
import { Migration20261123170000_tile_geometry_lod_indexes } from './Migration20261123170000_tile_geometry_lod_indexes.ts';
import { Migration20261123171000_prerendered_tile } from './Migration20261123171000_prerendered_tile.ts';
import { Migration20261129170000_seed_run } from './Migration20261129170000_seed_run.ts';
import { Migration20261129175155_foreign_keys_mikro_orm_7 } from './Migration20261129175155_foreign_keys_mikro_orm_7.ts';
import { Migration20261129194055_reform_2025 } from './Migration20261129194055_reform_2025.ts';
import { Migration20261129194137_criteria_set_2026 } from './Migration20261129194137_criteria_set_2026.ts';
import { Migration20261206051026_honest_figures } from './Migration20261206051026_honest_figures.ts';
import { Migration20261206083000_assessment_criteria_met } from './Migration20261206083000_assessment_criteria_met.ts';

/** Listed explicitly so migrations run the same under tsx, vitest and a bundle. */
export const migrationsList = [
  { name: 'Migration20261123000000_postgis', class: Migration20261123000000_postgis },
  { name: 'Migration20261123000100_admin_units', class: Migration20261123000100_admin_units },
  { name: 'Migration20261123000200_ntm_status', class: Migration20261123000200_ntm_status },
  { name: 'Migration20261123000300_tile_geometry', class: Migration20261123000300_tile_geometry },
  { name: 'Migration20261123134533_auth_audit', class: Migration20261123134533_auth_audit },
  { name: 'Migration20261123134927_assessment_imports', class: Migration20261123134927_assessment_imports },
  { name: 'Migration20261123150000_data_version', class: Migration20261123150000_data_version },
  { name: 'Migration20261123170000_tile_geometry_lod_indexes', class: Migration20261123170000_tile_geometry_lod_indexes },
  { name: 'Migration20261123171000_prerendered_tile', class: Migration20261123171000_prerendered_tile },
  { name: 'Migration20261129170000_seed_run', class: Migration20261129170000_seed_run },
  { name: 'Migration20261129175155_foreign_keys_mikro_orm_7', class: Migration20261129175155_foreign_keys_mikro_orm_7 },
  { name: 'Migration20261129194055_reform_2025', class: Migration20261129194055_reform_2025 },
  { name: 'Migration20261129194137_criteria_set_2026', class: Migration20261129194137_criteria_set_2026 },
  { name: 'Migration20261206051026_honest_figures', class: Migration20261206051026_honest_figures },
  { name: 'Migration20261206083000_assessment_criteria_met', class: Migration20261206083000_assessment_criteria_met },
];
