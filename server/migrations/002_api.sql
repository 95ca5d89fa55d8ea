-- What members may do: publish, pull, search, through functions PostGraphile exposes from team_api.
-- Row-level security does the isolation: a member sees their team's records, their own annotations
-- and those shared with the team; only the author writes an annotation.

-- Helpers -------------------------------------------------------------------------------------

create function team.is_text(v jsonb) returns boolean language sql immutable as $$
  select coalesce(jsonb_typeof(v) = 'string', false)
$$;

-- A string as JavaScript's JSON.stringify writes it (Postgres escapes the same characters), so
-- keys built here equal the extension's identity keys.
create function team.json_text(s text) returns text language sql immutable as $$
  select to_json(s)::text
$$;

-- [host, id] as JSON: a meeting's key (host, meetingId) and a committee's (host, committeeId).
create function team.pair_key(host text, id text) returns text language sql immutable as $$
  select '[' || team.json_text(host) || ',' || team.json_text(id) || ']'
$$;

-- The identity module's text key of a record of this kind (lib/library/identity.ts); a committee,
-- which the identity module does not key, is [host, committeeId].
create function team.record_key(kind text, r jsonb) returns text language sql immutable as $$
  select case kind
    when 'council' then r->>'host'
    when 'committee' then team.pair_key(r->>'host', r->>'committeeId')
    when 'meeting' then team.pair_key(r->>'host', r->>'meetingId')
    when 'item' then '[' || team.json_text(r->>'host') || ',' || team.json_text(r->>'meetingId') || ',' || team.json_text(r->>'itemKey') || ']'
    when 'clause' then '[' || team.json_text(r->>'host') || ',' || team.json_text(r->>'meetingId') || ',' || team.json_text(r->>'itemKey') || ',' || (r->>'clauseIndex')::int::text || ']'
  end
$$;

-- How full a copy is, compared as an array (the first difference decides): what the researcher
-- chose to keep (a whole meeting, a picked item, complete minutes), then how many values are
-- filled in, then how much text there is.
create function team.fullness(kind text, r jsonb) returns int[] language sql immutable as $$
  select array[
    case kind
      when 'meeting' then (r->'whole' = '1')::int
      when 'item' then (r->'picked' = '1')::int + (r->'minutesTruncated' is distinct from '1')::int
      else 0
    end,
    (select count(*)::int from jsonb_path_query(r, 'strict $.**') v
      where jsonb_typeof(v) not in ('object', 'array', 'null') and v <> '""'::jsonb),
    length(r::text)
  ]
$$;

-- Why a published row cannot be taken, or null when it can.
create function team.row_problem(r jsonb) returns text language sql immutable as $$
  select case
    when coalesce(jsonb_typeof(r), 'null') <> 'object' then 'a row must be an object'
    when r->>'kind' = 'annotation' then case
      when not team.is_text(r->'target') or r->>'target' = '' then 'an annotation needs its target''s key'
      when r->>'targetKind' is null or r->>'targetKind' not in ('item', 'clause') then 'targetKind must be "item" or "clause"'
      when not team.is_text(r->'note') then 'note must be a string'
      when coalesce(jsonb_typeof(r->'tags'), 'null') <> 'array'
        or exists (select 1 from jsonb_array_elements(r->'tags') t where jsonb_typeof(t) <> 'string') then 'tags must be an array of strings'
      when coalesce(jsonb_typeof(r->'shared'), 'null') <> 'boolean' then 'shared must be true or false'
    end
    when r->>'kind' is null or r->>'kind' not in ('council', 'committee', 'meeting', 'item', 'clause')
      then 'kind must be council, committee, meeting, item, clause or annotation'
    when coalesce(jsonb_typeof(r->'record'), 'null') <> 'object' then 'record must be an object'
    when not team.is_text(r->'record'->'host') or r->'record'->>'host' = '' then 'record.host must be a non-empty string'
    when r->>'kind' in ('committee', 'meeting') and not team.is_text(r->'record'->'committeeId') then 'record.committeeId must be a string'
    when r->>'kind' in ('meeting', 'item', 'clause') and not team.is_text(r->'record'->'meetingId') then 'record.meetingId must be a string'
    when r->>'kind' in ('item', 'clause') and not team.is_text(r->'record'->'itemKey') then 'record.itemKey must be a string'
    when r->>'kind' = 'clause' and (coalesce(jsonb_typeof(r->'record'->'clauseIndex'), 'null') <> 'number'
      or (r->'record'->>'clauseIndex')::numeric not between 0 and 1000000
      or (r->'record'->>'clauseIndex')::numeric <> trunc((r->'record'->>'clauseIndex')::numeric)) then 'record.clauseIndex must be a whole number'
  end
$$;

-- Row-level security ----------------------------------------------------------------------------

alter table team.teams enable row level security;
create policy own_team on team.teams for select using (id = team.current_team_id());

alter table team.members enable row level security;
create policy same_team on team.members for select using (team_id = team.current_team_id());

do $$
declare t text;
begin
  foreach t in array array['councils', 'committees', 'meetings', 'items', 'clauses'] loop
    execute format('alter table team.%I enable row level security', t);
    execute format('create policy team_reads on team.%I for select using (team_id = team.current_team_id())', t);
    execute format('create policy team_inserts on team.%I for insert with check (team_id = team.current_team_id() and published_by = team.current_member_id())', t);
    execute format('create policy team_updates on team.%I for update using (team_id = team.current_team_id()) with check (team_id = team.current_team_id())', t);
    -- Each key once per team: annotations find their target by it.
    execute format('alter table team.%I add unique (team_id, key)', t);
  end loop;
end $$;

alter table team.annotations enable row level security;
create policy own_or_shared on team.annotations for select
  using (team_id = team.current_team_id() and (author_id = team.current_member_id() or shared));
create policy author_inserts on team.annotations for insert
  with check (author_id = team.current_member_id() and team_id = team.current_team_id());
create policy author_updates on team.annotations for update
  using (author_id = team.current_member_id())
  with check (author_id = team.current_member_id() and team_id = team.current_team_id());

-- The API -----------------------------------------------------------------------------------------

-- The signed-in member's team, checked against the members table at every call: a token outlives
-- neither its member's removal nor a move to another team.
create function team.signed_in_team(action text) returns uuid language plpgsql stable as $$
declare
  claimed uuid := team.current_team_id();
begin
  if team.current_member_id() is null or claimed is null then
    raise exception 'Sign in to %', action using errcode = '28000';
  end if;
  if not exists (select 1 from team.members m where m.id = team.current_member_id() and m.team_id = claimed) then
    raise exception 'This account is no longer a member of that team: sign in again' using errcode = '28000';
  end if;
  return claimed;
end
$$;

create function team.token_lifetime() returns interval language sql immutable as $$ select interval '12 hours' $$;

create function team_api.authenticate(email text, password text) returns team_api.jwt_token
language plpgsql strict volatile security definer set search_path = pg_catalog, public as $$
declare
  m team.members;
  stored text;
begin
  select * into m from team.members where team.members.email = lower(trim(authenticate.email));
  select password_hash into stored from team_private.member_secrets where member_id = m.id;
  -- Hash even for an unknown address, so the answer takes as long either way.
  if stored is null then
    perform crypt(authenticate.password, gen_salt('bf', 8));
    return null;
  end if;
  if stored <> crypt(authenticate.password, stored) then
    return null;
  end if;
  return ('team_member', m.id, m.team_id, extract(epoch from now() + team.token_lifetime())::bigint)::team_api.jwt_token;
end
$$;
comment on function team_api.authenticate(text, text) is
  'Signs a member in: a JWT for the team_member role with the member''s and team''s ids, or null for a wrong address or password.';

create function team_api.current_member() returns team_api.member_info language sql stable as $$
  select m.id, m.email, m.display_name, t.name
  from team.members m join team.teams t on t.id = m.team_id
  where m.id = team.current_member_id()
$$;
comment on function team_api.current_member() is 'The signed-in member, or null.';

create function team_api.publish(rows jsonb) returns jsonb language plpgsql volatile as $$
declare
  me uuid := team.current_member_id();
  my_team uuid := team.signed_in_team('publish');
  stamp timestamptz;
  r jsonb;
  i int;
  rec jsonb;
  k text;
  f int[];
  problem text;
  fresh boolean;
  inserted int := 0;
  updated int := 0;
  skipped int := 0;
  rejected jsonb := '[]';
begin
  if coalesce(jsonb_typeof(rows), 'null') <> 'array' then
    raise exception 'rows must be an array' using errcode = '22023';
  end if;
  if jsonb_array_length(rows) > 5000 then
    raise exception 'A batch holds at most 5000 rows; this one has %', jsonb_array_length(rows) using errcode = '54000';
  end if;
  -- One publisher at a time per team, stamped after the wait: rows committed later always carry a
  -- later updated_at, so a puller's cursor never passes a row still being written.
  perform pg_advisory_xact_lock(hashtextextended(my_team::text, 0));
  stamp := clock_timestamp();

  for r, i in select e.value, (e.ordinality - 1)::int from jsonb_array_elements(rows) with ordinality e loop
    problem := team.row_problem(r);
    if problem is not null then
      rejected := rejected || jsonb_build_object('index', i, 'reason', problem);
      continue;
    end if;

    if r->>'kind' = 'annotation' then
      insert into team.annotations as a (author_id, team_id, target_kind, target_key, note, tags, shared, created_at, updated_at)
      values (me, my_team, r->>'targetKind', r->>'target', r->>'note',
              array(select jsonb_array_elements_text(r->'tags')), (r->>'shared')::boolean, stamp, stamp)
      on conflict (author_id, target_kind, target_key) do update
        set note = excluded.note, tags = excluded.tags, shared = excluded.shared, updated_at = excluded.updated_at
        where (a.note, a.tags, a.shared) is distinct from (excluded.note, excluded.tags, excluded.shared)
      returning (xmax = 0) into fresh;
      if found then
        -- The target moves in the pull order, so colleagues pulling from a cursor get the new note.
        if r->>'targetKind' = 'item' then
          update team.items set updated_at = stamp where team_id = my_team and key = r->>'target';
        else
          update team.clauses set updated_at = stamp where team_id = my_team and key = r->>'target';
        end if;
      end if;
    else
      -- The local-only fields never leave the researcher's library.
      rec := (r->'record') - 'words' - 'tags' - 'note';
      k := team.record_key(r->>'kind', rec);
      f := team.fullness(r->>'kind', rec);
      case r->>'kind'
        when 'council' then
          insert into team.councils as t (team_id, host, key, record, fullness, published_by, created_at, updated_at)
          values (my_team, rec->>'host', k, rec, f, me, stamp, stamp)
          on conflict (team_id, host) do update
            set record = excluded.record, fullness = excluded.fullness, published_by = excluded.published_by, updated_at = excluded.updated_at
            where excluded.fullness > t.fullness
          returning (xmax = 0) into fresh;
        when 'committee' then
          insert into team.committees as t (team_id, host, committee_id, key, record, fullness, published_by, created_at, updated_at)
          values (my_team, rec->>'host', rec->>'committeeId', k, rec, f, me, stamp, stamp)
          on conflict (team_id, host, committee_id) do update
            set record = excluded.record, fullness = excluded.fullness, published_by = excluded.published_by, updated_at = excluded.updated_at
            where excluded.fullness > t.fullness
          returning (xmax = 0) into fresh;
        when 'meeting' then
          insert into team.meetings as t (team_id, host, meeting_id, committee_id, key, record, fullness, published_by, created_at, updated_at)
          values (my_team, rec->>'host', rec->>'meetingId', rec->>'committeeId', k, rec, f, me, stamp, stamp)
          on conflict (team_id, host, meeting_id) do update
            set record = excluded.record, fullness = excluded.fullness, committee_id = excluded.committee_id,
                published_by = excluded.published_by, updated_at = excluded.updated_at
            where excluded.fullness > t.fullness
          returning (xmax = 0) into fresh;
        when 'item' then
          insert into team.items as t (team_id, host, meeting_id, item_key, key, record, fullness, published_by, created_at, updated_at)
          values (my_team, rec->>'host', rec->>'meetingId', rec->>'itemKey', k, rec, f, me, stamp, stamp)
          on conflict (team_id, host, meeting_id, item_key) do update
            set record = excluded.record, fullness = excluded.fullness, published_by = excluded.published_by, updated_at = excluded.updated_at
            where excluded.fullness > t.fullness
          returning (xmax = 0) into fresh;
        when 'clause' then
          insert into team.clauses as t (team_id, host, meeting_id, item_key, clause_index, key, record, fullness, published_by, created_at, updated_at)
          values (my_team, rec->>'host', rec->>'meetingId', rec->>'itemKey', (rec->>'clauseIndex')::int, k, rec, f, me, stamp, stamp)
          on conflict (team_id, host, meeting_id, item_key, clause_index) do update
            set record = excluded.record, fullness = excluded.fullness, published_by = excluded.published_by, updated_at = excluded.updated_at
            where excluded.fullness > t.fullness
          returning (xmax = 0) into fresh;
      end case;
    end if;

    if not found then
      skipped := skipped + 1;
    elsif fresh then
      inserted := inserted + 1;
    else
      updated := updated + 1;
    end if;
  end loop;

  return jsonb_build_object('inserted', inserted, 'updated', updated, 'skipped', skipped, 'rejected', rejected);
end
$$;
comment on function team_api.publish(jsonb) is E'@resultFieldName result\nPublishes a batch of rows in one transaction: records are inserted, or updated only by a fuller copy, else skipped; annotations are the signed-in member''s own, upserted. Returns {inserted, updated, skipped, rejected: [{index, reason}]}.';

-- The annotations a member may see on one target, as pull and search return them.
create function team.visible_annotations(kind text, target text) returns jsonb language sql stable as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'author', a.author_id, 'displayName', m.display_name, 'note', a.note, 'tags', to_jsonb(a.tags),
      'shared', a.shared, 'mine', a.author_id = team.current_member_id(), 'updatedAt', a.updated_at)
    order by a.author_id), '[]'::jsonb)
  from team.annotations a join team.members m on m.id = a.author_id
  where a.team_id = team.current_team_id() and a.target_kind = kind and a.target_key = target
$$;

create function team_api.pull(
  hosts text[] default null,
  committees text[] default null,
  after_updated_at timestamptz default null,
  after_kind text default null,
  after_key text default null,
  first int default 500
) returns jsonb language plpgsql stable as $$
declare
  my_team uuid := team.signed_in_team('pull');
  lim int := least(greatest(coalesce(pull.first, 500), 1), 2000);
  everything boolean := pull.hosts is null and pull.committees is null;
  followed_hosts text[] := coalesce(pull.hosts, '{}');
  followed_committees text[] := '{}';
  since timestamptz := coalesce(pull.after_updated_at, '-infinity');
  cursor_kind text collate "C" := coalesce(pull.after_kind, '');
  cursor_key text collate "C" := coalesce(pull.after_key, '');
  result jsonb;
begin
  if pull.after_updated_at is not null and (pull.after_kind is null or pull.after_key is null) then
    raise exception 'afterUpdatedAt, afterKind and afterKey go together: the last row''s updatedAt, kind and key' using errcode = '22023';
  end if;
  -- Committees are followed by their key, [host, committeeId]; kept as the same text here.
  if pull.committees is not null then
    followed_committees := pull.committees;
    if exists (select 1 from unnest(pull.committees) c where c !~ '^\[".*",".*"\]$') then
      raise exception 'committees are committee keys: ["host","committeeId"]' using errcode = '22023';
    end if;
  end if;

  with page as (
    (select 'council'::text as kind, c.key, c.updated_at, c.record, '[]'::jsonb as annotations
      from team.councils c
      where c.team_id = my_team and c.updated_at >= since
        and (c.updated_at > since or 'council' > cursor_kind or ('council' = cursor_kind and c.key > cursor_key))
        and (everything or c.host = any(followed_hosts)
             or exists (select 1 from unnest(followed_committees) f where f::jsonb->>0 = c.host))
      order by c.updated_at, c.key limit lim)
    union all
    (select 'committee', c.key, c.updated_at, c.record, '[]'::jsonb
      from team.committees c
      where c.team_id = my_team and c.updated_at >= since
        and (c.updated_at > since or 'committee' > cursor_kind or ('committee' = cursor_kind and c.key > cursor_key))
        and (everything or c.host = any(followed_hosts) or c.key = any(followed_committees))
      order by c.updated_at, c.key limit lim)
    union all
    (select 'meeting', m.key, m.updated_at, m.record, '[]'::jsonb
      from team.meetings m
      where m.team_id = my_team and m.updated_at >= since
        and (m.updated_at > since or 'meeting' > cursor_kind or ('meeting' = cursor_kind and m.key > cursor_key))
        and (everything or m.host = any(followed_hosts)
             or team.pair_key(m.host, m.committee_id) = any(followed_committees))
      order by m.updated_at, m.key limit lim)
    union all
    (select 'item', i.key, i.updated_at, i.record, team.visible_annotations('item', i.key)
      from team.items i left join team.meetings m on (m.team_id, m.host, m.meeting_id) = (i.team_id, i.host, i.meeting_id)
      where i.team_id = my_team and i.updated_at >= since
        and (i.updated_at > since or 'item' > cursor_kind or ('item' = cursor_kind and i.key > cursor_key))
        and (everything or i.host = any(followed_hosts)
             or team.pair_key(m.host, m.committee_id) = any(followed_committees))
      order by i.updated_at, i.key limit lim)
    union all
    (select 'clause', c.key, c.updated_at, c.record, team.visible_annotations('clause', c.key)
      from team.clauses c left join team.meetings m on (m.team_id, m.host, m.meeting_id) = (c.team_id, c.host, c.meeting_id)
      where c.team_id = my_team and c.updated_at >= since
        and (c.updated_at > since or 'clause' > cursor_kind or ('clause' = cursor_kind and c.key > cursor_key))
        and (everything or c.host = any(followed_hosts)
             or team.pair_key(m.host, m.committee_id) = any(followed_committees))
      order by c.updated_at, c.key limit lim)
  ), first_rows as (
    select * from page order by updated_at, kind collate "C", key limit lim
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'kind', kind, 'key', key, 'updatedAt', updated_at, 'record', record, 'annotations', annotations)
    order by updated_at, kind collate "C", key), '[]'::jsonb)
  into result from first_rows;
  return result;
end
$$;
comment on function team_api.pull is
  'The team''s rows changed after a cursor, oldest first, ordered by (updatedAt, kind, key); page with the last row''s updatedAt, kind and key. hosts and committees (["host","committeeId"] keys) limit it to what the member follows; both null means everything.';

create function team_api.search_team(q text, first int default 20) returns jsonb language plpgsql stable as $$
declare
  my_team uuid := team.signed_in_team('search');
  lim int := least(greatest(coalesce(search_team.first, 20), 1), 200);
  tsq tsquery;
  result jsonb;
begin
  tsq := websearch_to_tsquery('english', coalesce(search_team.q, ''));
  if numnode(tsq) = 0 then
    raise exception 'Type one or more words to search for (common words such as "the" are not searched)' using errcode = '22023';
  end if;
  with hits as (
    select c.key, ts_rank(c.search, tsq) as rank, c.record, c.team_id, c.host, c.meeting_id, c.item_key
    from team.clauses c
    where c.team_id = my_team and c.search @@ tsq
    order by rank desc, c.key
    limit lim
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'key', h.key, 'rank', h.rank, 'record', h.record,
      'meeting', jsonb_build_object('key', team.pair_key(h.host, h.meeting_id), 'title', m.record->'title',
        'date', coalesce(m.record->'date', h.record->'date'), 'committeeName', h.record->'committeeName',
        'councilName', h.record->'councilName', 'url', m.record->'url'),
      'item', jsonb_build_object('key', '[' || team.json_text(h.host) || ',' || team.json_text(h.meeting_id) || ',' || team.json_text(h.item_key) || ']',
        'number', h.record->'itemNumber', 'title', h.record->'itemTitle'),
      'annotations', team.visible_annotations('clause', h.key))
    order by h.rank desc, h.key), '[]'::jsonb)
  into result
  from hits h left join team.meetings m on (m.team_id, m.host, m.meeting_id) = (h.team_id, h.host, h.meeting_id);
  return result;
end
$$;
comment on function team_api.search_team(text, int) is
  'Clauses of the member''s team matching a full-text search (websearch syntax, english), best first, with their meeting and item.';

-- Grants --------------------------------------------------------------------------------------------

grant usage on schema team_api to team_anonymous, team_member;
grant execute on function team_api.authenticate(text, text) to team_anonymous, team_member;
grant execute on function team_api.current_member(), team_api.publish(jsonb),
  team_api.pull(text[], text[], timestamptz, text, text, int), team_api.search_team(text, int) to team_member;

grant usage on schema team to team_member;
grant execute on all functions in schema team to team_member;
grant select on team.teams, team.members to team_member;
grant select, insert, update on team.councils, team.committees, team.meetings, team.items, team.clauses, team.annotations to team_member;
