-- Read-only views for analysis in psql, R or Python: meeting → item → clause flattened, one row
-- each, with the team's name. They run with their owner's rights (row-level security does not
-- apply), so an analyst reads every team on this server; only shared annotations are shown.

create schema analysis;

-- A date as ISO text, or null when a record holds none or an impossible one.
create function analysis.iso_date(t text) returns date language plpgsql immutable as $$
begin
  return nullif(t, '')::date;
exception when others then
  return null;
end
$$;

create view analysis.meetings as
select t.name as team, m.host, m.meeting_id, m.committee_id,
  m.record->>'councilName' as council_name, m.record->>'committeeName' as committee_name,
  analysis.iso_date(m.record->>'date') as meeting_date, m.record->>'title' as title,
  m.record->>'venue' as venue, m.record->>'status' as status, m.record->>'url' as url,
  m.record->'whole' = '1' as whole, m.updated_at
from team.meetings m join team.teams t on t.id = m.team_id;

create view analysis.items as
select t.name as team, i.host, i.meeting_id, i.item_key,
  i.record->>'councilName' as council_name, i.record->>'committeeName' as committee_name,
  analysis.iso_date(i.record->>'date') as meeting_date, m.record->>'title' as meeting_title,
  i.record->>'number' as item_number, (i.record->>'order')::numeric as item_order,
  i.record->>'title' as title, i.record->>'description' as description,
  i.record->>'minutes' as minutes, i.record->>'decision' as decision,
  i.record->'procedural' = 'true' as procedural, i.updated_at
from team.items i
join team.teams t on t.id = i.team_id
left join team.meetings m on (m.team_id, m.host, m.meeting_id) = (i.team_id, i.host, i.meeting_id);

create view analysis.clauses as
select t.name as team, c.host, c.meeting_id, c.item_key, c.clause_index,
  c.record->>'councilName' as council_name, c.record->>'committeeName' as committee_name,
  analysis.iso_date(c.record->>'date') as meeting_date, m.record->>'title' as meeting_title,
  c.record->>'itemNumber' as item_number, c.record->>'itemTitle' as item_title,
  c.record->>'label' as label, c.record->>'text' as text, c.record->>'keyword' as formula,
  c.record->>'section' as section, c.record->>'outcome' as outcome, c.record->'exempt' = 'true' as exempt,
  (c.record->'votes'->>'for')::numeric as votes_for, (c.record->'votes'->>'against')::numeric as votes_against,
  (c.record->'votes'->>'abstentions')::numeric as votes_abstentions, c.updated_at
from team.clauses c
join team.teams t on t.id = c.team_id
left join team.meetings m on (m.team_id, m.host, m.meeting_id) = (c.team_id, c.host, c.meeting_id);

-- Notes their authors shared with the team; private ones never leave their author.
create view analysis.shared_annotations as
select t.name as team, mb.display_name as author, a.target_kind, a.target_key, a.note, a.tags, a.updated_at
from team.annotations a
join team.teams t on t.id = a.team_id
join team.members mb on mb.id = a.author_id
where a.shared;

grant usage on schema analysis to team_analyst;
grant select on all tables in schema analysis to team_analyst;
grant execute on function analysis.iso_date(text) to team_analyst;
