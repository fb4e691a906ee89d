import { Migration } from '@mikro-orm/migrations';

/**
 * MikroORM 7 declares foreign keys without ON UPDATE CASCADE (ids never change here) and a bigint
 * default as text; written by npm run migration:create after the upgrade.
 */
export class Migration20261129175155_foreign_keys_mikro_orm_7 extends Migration {
  override name = 'Migration20261129175155_foreign_keys_mikro_orm_7';

  override up(): void | Promise<void> {
    this.addSql(`alter table "admin_unit" drop constraint "admin_unit_parent_id_foreign";`);

    this.addSql(`alter table "geo_import_issue" drop constraint "geo_import_issue_geo_import_id_foreign";`);

    this.addSql(`alter table "recognition" drop constraint "recognition_source_document_id_foreign";`);
    this.addSql(`alter table "recognition" drop constraint "recognition_unit_id_foreign";`);

    this.addSql(`alter table "data_quality_finding" drop constraint "data_quality_finding_source_document_id_foreign";`);
    this.addSql(`alter table "data_quality_finding" drop constraint "data_quality_finding_unit_id_foreign";`);

    this.addSql(`alter table "criteria_set" drop constraint "criteria_set_based_on_id_foreign";`);
    this.addSql(`alter table "criteria_set" drop constraint "criteria_set_legal_basis_id_foreign";`);

    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_criteria_set_id_foreign";`);
    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_source_document_id_foreign";`);
    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_unit_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_criteria_set_id_foreign";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_source_document_id_foreign";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_unit_id_foreign";`);

    this.addSql(`alter table "criterion" drop constraint "criterion_criteria_set_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_criterion_id_foreign";`);

    this.addSql(`alter table "assessment" drop constraint "assessment_criteria_set_id_foreign";`);
    this.addSql(`alter table "assessment" drop constraint "assessment_source_document_id_foreign";`);
    this.addSql(`alter table "assessment" drop constraint "assessment_unit_id_foreign";`);

    this.addSql(`alter table "assessment_item" drop constraint "assessment_item_assessment_id_foreign";`);
    this.addSql(`alter table "assessment_item" drop constraint "assessment_item_criterion_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_criteria_set_id_foreign";`);
    this.addSql(`alter table "target" drop constraint "target_source_document_id_foreign";`);
    this.addSql(`alter table "target" drop constraint "target_unit_id_foreign";`);

    this.addSql(`alter table "tile_geometry" drop constraint "tile_geometry_unit_id_foreign";`);

    this.addSql(`alter table "unit_flag" drop constraint "unit_flag_source_document_id_foreign";`);
    this.addSql(`alter table "unit_flag" drop constraint "unit_flag_unit_id_foreign";`);

    this.addSql(`alter table "unit_lineage" drop constraint "unit_lineage_predecessor_id_foreign";`);
    this.addSql(`alter table "unit_lineage" drop constraint "unit_lineage_successor_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_unit_id_foreign";`);

    this.addSql(
      `alter table "admin_unit" add constraint "admin_unit_parent_id_foreign" foreign key ("parent_id") references "admin_unit" ("id") on delete restrict;`,
    );

    this.addSql(`alter table "data_version" alter column "version" set default '0';`);

    this.addSql(
      `alter table "geo_import_issue" add constraint "geo_import_issue_geo_import_id_foreign" foreign key ("geo_import_id") references "geo_import" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "recognition" add constraint "recognition_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "recognition" add constraint "recognition_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "data_quality_finding" add constraint "data_quality_finding_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "data_quality_finding" add constraint "data_quality_finding_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "criteria_set" add constraint "criteria_set_based_on_id_foreign" foreign key ("based_on_id") references "criteria_set" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "criteria_set" add constraint "criteria_set_legal_basis_id_foreign" foreign key ("legal_basis_id") references "source_document" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "criterion" add constraint "criterion_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "indicator" add constraint "indicator_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "assessment" add constraint "assessment_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "assessment_item" add constraint "assessment_item_assessment_id_foreign" foreign key ("assessment_id") references "assessment" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "assessment_item" add constraint "assessment_item_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "target" add constraint "target_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "target" add constraint "target_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
    this.addSql(`alter table "target" add constraint "target_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`);

    this.addSql(
      `alter table "tile_geometry" add constraint "tile_geometry_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "unit_flag" add constraint "unit_flag_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "unit_flag" add constraint "unit_flag_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`);

    this.addSql(
      `alter table "unit_lineage" add constraint "unit_lineage_predecessor_id_foreign" foreign key ("predecessor_id") references "admin_unit" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "unit_lineage" add constraint "unit_lineage_successor_id_foreign" foreign key ("successor_id") references "admin_unit" ("id") on delete cascade;`,
    );

    this.addSql(`alter table "app_user" add constraint "app_user_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "admin_unit" drop constraint "admin_unit_parent_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_unit_id_foreign";`);

    this.addSql(`alter table "assessment" drop constraint "assessment_source_document_id_foreign";`);
    this.addSql(`alter table "assessment" drop constraint "assessment_unit_id_foreign";`);
    this.addSql(`alter table "assessment" drop constraint "assessment_criteria_set_id_foreign";`);

    this.addSql(`alter table "assessment_item" drop constraint "assessment_item_assessment_id_foreign";`);
    this.addSql(`alter table "assessment_item" drop constraint "assessment_item_criterion_id_foreign";`);

    this.addSql(`alter table "criteria_set" drop constraint "criteria_set_legal_basis_id_foreign";`);
    this.addSql(`alter table "criteria_set" drop constraint "criteria_set_based_on_id_foreign";`);

    this.addSql(`alter table "criterion" drop constraint "criterion_criteria_set_id_foreign";`);

    this.addSql(`alter table "data_quality_finding" drop constraint "data_quality_finding_source_document_id_foreign";`);
    this.addSql(`alter table "data_quality_finding" drop constraint "data_quality_finding_unit_id_foreign";`);

    this.addSql(`alter table "geo_import_issue" drop constraint "geo_import_issue_geo_import_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_criterion_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_source_document_id_foreign";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_unit_id_foreign";`);
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_criteria_set_id_foreign";`);

    this.addSql(`alter table "recognition" drop constraint "recognition_source_document_id_foreign";`);
    this.addSql(`alter table "recognition" drop constraint "recognition_unit_id_foreign";`);

    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_source_document_id_foreign";`);
    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_unit_id_foreign";`);
    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_criteria_set_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_source_document_id_foreign";`);
    this.addSql(`alter table "target" drop constraint "target_unit_id_foreign";`);
    this.addSql(`alter table "target" drop constraint "target_criteria_set_id_foreign";`);

    this.addSql(`alter table "tile_geometry" drop constraint "tile_geometry_unit_id_foreign";`);

    this.addSql(`alter table "unit_flag" drop constraint "unit_flag_unit_id_foreign";`);
    this.addSql(`alter table "unit_flag" drop constraint "unit_flag_source_document_id_foreign";`);

    this.addSql(`alter table "unit_lineage" drop constraint "unit_lineage_predecessor_id_foreign";`);
    this.addSql(`alter table "unit_lineage" drop constraint "unit_lineage_successor_id_foreign";`);

    this.addSql(
      `alter table "admin_unit" add constraint "admin_unit_parent_id_foreign" foreign key ("parent_id") references "admin_unit" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "assessment" add constraint "assessment_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "assessment_item" add constraint "assessment_item_assessment_id_foreign" foreign key ("assessment_id") references "assessment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "assessment_item" add constraint "assessment_item_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "criteria_set" add constraint "criteria_set_legal_basis_id_foreign" foreign key ("legal_basis_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "criteria_set" add constraint "criteria_set_based_on_id_foreign" foreign key ("based_on_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "criterion" add constraint "criterion_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "data_quality_finding" add constraint "data_quality_finding_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "data_quality_finding" add constraint "data_quality_finding_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "data_version" alter column "version" set default 0;`);

    this.addSql(
      `alter table "geo_import_issue" add constraint "geo_import_issue_geo_import_id_foreign" foreign key ("geo_import_id") references "geo_import" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "indicator" add constraint "indicator_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "recognition" add constraint "recognition_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "recognition" add constraint "recognition_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "target" add constraint "target_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "target" add constraint "target_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "target" add constraint "target_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "tile_geometry" add constraint "tile_geometry_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "unit_flag" add constraint "unit_flag_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "unit_flag" add constraint "unit_flag_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "unit_lineage" add constraint "unit_lineage_predecessor_id_foreign" foreign key ("predecessor_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "unit_lineage" add constraint "unit_lineage_successor_id_foreign" foreign key ("successor_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
  }
}
