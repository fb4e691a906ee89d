import { Migration } from '@mikro-orm/migrations';

/**
 * Each assessment carries how many of its criteria are met, kept by statement-level triggers on its
 * items (any writer: the API, imports, another process, SQL by hand). Map colours need only that
 * count: counting it from the items on every write cost a national layer a scan of ~150,000 items.
 * Indicators and source documents now bump the data version too, so answers about criteria sets
 * (which read them) can be kept until the data changes, like map colours.
 */
export class Migration20261206083000_assessment_criteria_met extends Migration {
  override name = 'Migration20261206083000_assessment_criteria_met';

  override up(): void | Promise<void> {
    this.addSql(`alter table "assessment" add "criteria_met" smallint not null default 0;`);
    this.addSql(
      `update "assessment" a set "criteria_met" = m.n from (select "assessment_id", count(*) as n from "assessment_item" where "status" = 'met' group by "assessment_id") m where m."assessment_id" = a."id";`,
    );
    // One function for the three events: each trigger names the rows it touched "touched_items".
    this.addSql(
      `create function "count_assessment_criteria_met"() returns trigger language plpgsql as $$ begin
         update "assessment" a set "criteria_met" = (select count(*) from "assessment_item" i where i."assessment_id" = a."id" and i."status" = 'met')
         where a."id" in (select distinct "assessment_id" from touched_items);
         return null;
       end $$;`,
    );
    for (const [event, referencing] of triggerEvents) {
      this.addSql(
        `create trigger "assessment_item_counts_met_on_${event}" after ${event} on "assessment_item" referencing ${referencing} for each statement execute function "count_assessment_criteria_met"();`,
      );
    }
    // A truncation leaves no item: nothing is met.
    this.addSql(
      `create function "zero_assessment_criteria_met"() returns trigger language plpgsql as $$ begin update "assessment" set "criteria_met" = 0 where "criteria_met" <> 0; return null; end $$;`,
    );
    this.addSql(
      `create trigger "assessment_item_counts_met_on_truncate" after truncate on "assessment_item" for each statement execute function "zero_assessment_criteria_met"();`,
    );
    for (const table of alsoVersionedTables) {
      this.addSql(
        `create trigger "${table}_bumps_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function "bump_data_version"();`,
      );
    }
  }

  override down(): void | Promise<void> {
    for (const table of alsoVersionedTables) this.addSql(`drop trigger if exists "${table}_bumps_data_version" on "${table}";`);
    for (const [event] of triggerEvents) this.addSql(`drop trigger if exists "assessment_item_counts_met_on_${event}" on "assessment_item";`);
    this.addSql(`drop trigger if exists "assessment_item_counts_met_on_truncate" on "assessment_item";`);
    this.addSql(`drop function if exists "count_assessment_criteria_met"();`);
    this.addSql(`drop function if exists "zero_assessment_criteria_met"();`);
    this.addSql(`alter table "assessment" drop column "criteria_met";`);
  }
}

const alsoVersionedTables = ['indicator', 'source_document'];

/** Transition tables allow one event per trigger; an update is counted on its new rows (an item never moves between assessments). */
const triggerEvents = [
  ['insert', 'new table as touched_items'],
  ['update', 'new table as touched_items'],
  ['delete', 'old table as touched_items'],
] as const;
