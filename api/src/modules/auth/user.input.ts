import { ArgsType, Field, InputType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from './user.entity.ts';
import { IsGsoCode } from '../admin-units/gso-code.ts';

/** Compared in lower case (user.service.ts normalises). */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,39}$/i;

@InputType({ description: 'A new account; editors need the code of the unit they edit' })
export class UserInput {
  @Field(() => String, { description: '3–40 characters: lower-case letters, digits, ".", "_", "-"' })
  @Matches(usernamePattern, { message: 'username must be 3–40 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit' })
  username!: string;

  @Field(() => String, { description: '12 to 200 characters' })
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  displayName?: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'GSO code of the unit of a commune, district or province editor' })
  @IsOptional()
  @IsGsoCode()
  unitCode?: string;
}

@ArgsType()
export class LoginArgs {
  @Field(() => String)
  @MaxLength(100)
  username!: string;

  @Field(() => String)
  @MaxLength(200)
  password!: string;
}
