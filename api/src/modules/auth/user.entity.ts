import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';

/** What a user may do; editors write only within their unit's subtree (see access.ts). */
export enum Role {
  VIEWER = 'viewer',
  COMMUNE_EDITOR = 'commune-editor',
  DISTRICT_EDITOR = 'district-editor',
  PROVINCE_EDITOR = 'province-editor',
  ADMIN = 'admin',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'viewer reads; commune, district and province editors write within their unit and below it; admin does everything',
});

/** The level of the unit an editor role is tied to. */
export const editorLevel: Partial<Record<Role, string>> = {
  [Role.COMMUNE_EDITOR]: 'commune',
  [Role.DISTRICT_EDITOR]: 'district',
  [Role.PROVINCE_EDITOR]: 'province',
};

@ObjectType('User', { description: 'An account; passwords are never exposed' })
@Entity({ tableName: 'app_user' })
@Unique({ name: 'app_user_username_unique', properties: ['username'] })
export class User {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Lower-case NFC, [a-z0-9._-]. */
  @Field(() => String)
  @Property({ type: 'text' })
  username!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  displayName?: string;

  /** scrypt hash with its salt and parameters (password.ts). */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role!: Role;

  @Field(() => AdminUnit, { nullable: true, description: 'The unit an editor may write in (with everything below it)' })
  @ManyToOne(() => AdminUnit, { nullable: true, deleteRule: 'restrict', index: 'app_user_unit_index' })
  unit?: Rel<AdminUnit>;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** Secrets the server generates once and keeps (the session signing key when SESSION_SECRET is unset). */
@Entity({ tableName: 'app_secret' })
export class AppSecret {
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  value!: string;
}
