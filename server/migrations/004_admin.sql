-- What a team's administrator does in psql (as the database owner): make teams and accounts.

create function team_admin.create_team(name text) returns uuid language sql volatile as $$
  insert into team.teams (name) values (create_team.name) returning id
$$;

create function team_admin.create_member(team_name text, email text, password text, display_name text)
returns uuid language plpgsql volatile set search_path = pg_catalog, public as $$
declare
  team_id uuid;
  member_id uuid;
begin
  select t.id into team_id from team.teams t where t.name = create_member.team_name;
  if team_id is null then
    raise exception 'No team named %', create_member.team_name;
  end if;
  if length(create_member.password) < 8 then
    raise exception 'A password needs at least 8 characters';
  end if;
  insert into team.members (team_id, email, display_name)
  values (team_id, lower(trim(create_member.email)), create_member.display_name)
  returning id into member_id;
  insert into team_private.member_secrets (member_id, password_hash)
  values (member_id, crypt(create_member.password, gen_salt('bf', 8)));
  return member_id;
end
$$;

create function team_admin.set_password(email text, password text) returns void
language plpgsql volatile set search_path = pg_catalog, public as $$
begin
  if length(set_password.password) < 8 then
    raise exception 'A password needs at least 8 characters';
  end if;
  update team_private.member_secrets s set password_hash = crypt(set_password.password, gen_salt('bf', 8))
  from team.members m where m.id = s.member_id and m.email = lower(trim(set_password.email));
  if not found then
    raise exception 'No member with the address %', set_password.email;
  end if;
end
$$;
