-- The team corpus: teams and members, the records the extension publishes (keyed by the local
-- library's identities, lib/library/identity.ts), annotations one row per author and target.
-- Schemas: team (tables), team_private (password hashes), team_api (what PostGraphile exposes),
-- team_admin (functions an administrator calls in psql), analysis (read-only views, migration 003).

create extension if not exists pgcrypto;

-- Roles are cluster-wide: created once, kept on re-runs.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'team_anonymous') then create role team_anonymous nologin; end if;
  if not exists (select 1 from pg_roles where rolname = 'team_member') then create role team_member nologin; end if;
  if not exists (select 1 from pg_roles where rolname = 'team_analyst') then create role team_analyst nologin; end if;
  -- PostGraphile connects as this role and switches to the token's role per request.
  if not exists (select 1 from pg_roles where rolname = 'team_authenticator') then create role team_authenticator login noinherit; end if;
end $$;
grant team_anonymous, team_member to team_authenticator;

create schema team;
create schema team_private;
create schema team_api;
create schema team_admin;

-- Functions are not executable by everyone unless granted below.
alter default privileges revoke execute on functions from public;

create table team.teams (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (name <> ''),
  created_at timestamptz not null default now()
);

create table team.members (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references team.teams on delete cascade,
  email text not null unique check (email = lower(email) and email like '%@%'),
  display_name text not null,
  created_at timestamptz not null default now()
);
create index on team.members (team_id);

create table team_private.member_secrets (
  member_id uuid primary key references team.members on delete cascade,
  password_hash text not null
);

-- Who is asking: the claims PostGraphile sets from the verified JWT (null when signed out).
create function team.current_member_id() returns uuid language sql stable as $$
  select nullif(current_setting('jwt.claims.member_id', true), '')::uuid
$$;
create function team.current_team_id() returns uuid language sql stable as $$
  select nullif(current_setting('jwt.claims.team_id', true), '')::uuid
$$;

-- Records: `record` is the local Saved* record (without words, tags, note); `key` is the
-- identity module's text key; `fullness` decides whether an incoming copy replaces this one.
create table team.councils (
  team_id uuid not null references team.teams on delete cascade,
  host text not null,
  key text collate "C" not null,
  record jsonb not null,
  fullness int[] not null,
  published_by uuid references team.members on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (team_id, host)
);

create table team.committees (
  team_id uuid not null references team.teams on delete cascade,
  host text not null,
  committee_id text not null,
  key text collate "C" not null,
  record jsonb not null,
  fullness int[] not null,
  published_by uuid references team.members on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (team_id, host, committee_id)
);

create table team.meetings (
  team_id uuid not null references team.teams on delete cascade,
  host text not null,
  meeting_id text not null,
  committee_id text not null,
  key text collate "C" not null,
  record jsonb not null,
  fullness int[] not null,
  published_by uuid references team.members on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (team_id, host, meeting_id)
);

create table team.items (
  team_id uuid not null references team.teams on delete cascade,
  host text not null,
  meeting_id text not null,
  item_key text not null,
  key text collate "C" not null,
  record jsonb not null,
  fullness int[] not null,
  published_by uuid references team.members on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (team_id, host, meeting_id, item_key)
);

create table team.clauses (
  team_id uuid not null references team.teams on delete cascade,
  host text not null,
  meeting_id text not null,
  item_key text not null,
  clause_index int not null,
  key text collate "C" not null,
  record jsonb not null,
  fullness int[] not null,
  published_by uuid references team.members on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    to_tsvector('english', coalesce(record->>'itemTitle', '') || ' ' || coalesce(record->>'text', ''))
  ) stored,
  primary key (team_id, host, meeting_id, item_key, clause_index)
);
create index clauses_search on team.clauses using gin (search);

-- Pull pages through each table by (updated_at, key) within a team.
create index on team.councils (team_id, updated_at, key);
create index on team.committees (team_id, updated_at, key);
create index on team.meetings (team_id, updated_at, key);
create index on team.items (team_id, updated_at, key);
create index on team.clauses (team_id, updated_at, key);

-- One row per author and target; the target is an item's or a clause's text key.
create table team.annotations (
  author_id uuid not null references team.members on delete cascade,
  team_id uuid not null references team.teams on delete cascade,
  target_kind text not null check (target_kind in ('item', 'clause')),
  target_key text collate "C" not null,
  note text not null default '',
  tags text[] not null default '{}',
  shared boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (author_id, target_kind, target_key)
);
create index on team.annotations (team_id, target_kind, target_key);

-- The JWT PostGraphile signs: `role` becomes the request's database role, the rest are claims.
create type team_api.jwt_token as (role text, member_id uuid, team_id uuid, exp bigint);

create type team_api.member_info as (id uuid, email text, display_name text, team_name text);
