// The people half of the in-memory stand-in for the Rust core (see fakeBackend.ts),
// following the "People commands" of docs/ipc.md: the same shapes, rules and codes.
import type { Department, Person, Role, TeamPeople, Workload } from '../api/types';
import { checkedText, NOT_HANDLED, requireManager, type FakeHost } from './fakeHost';

const ROLES: Role[] = ['owner', 'manager', 'member', 'viewer'];
const MAX_NAME = 300;
const MAX_SKILL = 40;
const MAX_SKILLS = 20;

/** What the people commands need from the rest of the fake core. */
export interface PeopleHost extends FakeHost {
  /** Unfinished tasks of the team with an assignee. */
  openTasks: (teamId: string) => { assignee: string; due: string | null }[];
  /** Assignments of the team's assessments still waiting on their assignee. */
  openAssessments: (teamId: string) => { userId: string; overdue: boolean }[];
}

interface Profile {
  title: string | null;
  department: string | null;
  reportsTo: string | null;
  skills: string[];
  joinedAt: number;
}

export class FakePeople {
  /** By team id, then user id. */
  private readonly profiles = new Map<string, Map<string, Profile>>();
  /** By team id, then department id. */
  private readonly departments = new Map<string, Map<string, { id: string; name: string; lead: string | null }>>();

  constructor(private readonly host: PeopleHost) {}

  dispatch(cmd: string, a: Record<string, unknown>): unknown {
    const teamId = String(a.teamId);
    switch (cmd) {
      case 'people_get':
        return this.people(teamId);
      case 'department_save': {
        requireManager(this.host, teamId, "change this team's departments");
        const name = checkedText(this.host.fail, 'a department name', a.name, MAX_NAME);
        const lead = typeof a.lead === 'string' ? this.member(teamId, a.lead).userId : null;
        const depts = this.depts(teamId);
        const id = typeof a.departmentId === 'string' ? a.departmentId : this.host.id('dept');
        depts.set(id, { id, name, lead });
        return this.changedPeople(teamId);
      }
      case 'department_remove': {
        requireManager(this.host, teamId, "change this team's departments");
        const depts = this.depts(teamId);
        const id = String(a.departmentId);
        if (!depts.delete(id)) this.host.fail('not_found', `department \`${id}\` does not exist`);
        for (const p of this.profilesOf(teamId).values()) if (p.department === id) p.department = null;
        return this.changedPeople(teamId);
      }
      case 'profile_set': {
        const user = this.member(teamId, a.userId).userId;
        if (user !== this.host.me) requireManager(this.host, teamId, "edit someone else's profile");
        const raw = typeof a.title === 'string' ? a.title.trim() : '';
        const title = raw ? checkedText(this.host.fail, 'a job title', raw, MAX_NAME) : null;
        if (!Array.isArray(a.skills)) this.host.fail('invalid_input', 'skills must be a list');
        const skills: string[] = [];
        for (const s of a.skills as unknown[]) {
          const skill = String(s).trim().toLowerCase();
          if (!skill || skills.includes(skill)) continue;
          if ([...skill].length > MAX_SKILL) this.host.fail('too_long', `a skill is too long (at most ${MAX_SKILL} characters)`);
          skills.push(skill);
        }
        if (skills.length > MAX_SKILLS) this.host.fail('too_long', `too many skills (at most ${MAX_SKILLS})`);
        const profile = this.profile(teamId, user);
        profile.title = title;
        profile.skills = skills;
        return this.changedPeople(teamId);
      }
      case 'placement_set': {
        requireManager(this.host, teamId, 'place people in departments');
        const user = this.member(teamId, a.userId).userId;
        const department = typeof a.department === 'string' ? a.department : null;
        if (department !== null && !this.depts(teamId).has(department)) {
          this.host.fail('not_found', `department \`${department}\` does not exist`);
        }
        const reportsTo = typeof a.reportsTo === 'string' ? this.member(teamId, a.reportsTo).userId : null;
        // A reporting line may not loop back to the person.
        let next = reportsTo;
        const seen = new Set<string>();
        while (next !== null && !seen.has(next)) {
          if (next === user) this.host.fail('invalid_input', 'this reporting line: it would loop back to the same person');
          seen.add(next);
          next = this.profile(teamId, next).reportsTo;
        }
        const profile = this.profile(teamId, user);
        profile.department = department;
        profile.reportsTo = reportsTo;
        return this.changedPeople(teamId);
      }
      case 'member_set_role': {
        requireManager(this.host, teamId, 'change roles in this team');
        const member = this.member(teamId, a.userId);
        const role = ROLES.includes(a.role as Role) ? (a.role as Role) : this.host.fail('invalid_input', 'unknown role');
        const members = this.host.teamMembers(teamId);
        const owners = members.filter((m) => m.role === 'owner').length;
        if (member.role === 'owner' && role !== 'owner' && owners === 1) {
          this.host.fail('last_owner', 'a team must keep at least one owner');
        }
        if ((role === 'owner' || member.role === 'owner') && this.roleOf(teamId, this.host.me) !== 'owner') {
          this.host.fail('forbidden', "you may not change an owner's role");
        }
        member.role = role;
        return this.changedPeople(teamId);
      }
      case 'member_remove': {
        requireManager(this.host, teamId, 'remove members from this team');
        const member = this.member(teamId, a.userId);
        const members = this.host.teamMembers(teamId);
        if (member.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) {
          this.host.fail('last_owner', 'a team must keep at least one owner');
        }
        members.splice(members.indexOf(member), 1);
        this.profilesOf(teamId).delete(member.userId);
        for (const p of this.profilesOf(teamId).values()) if (p.reportsTo === member.userId) p.reportsTo = null;
        return this.changedPeople(teamId);
      }
      case 'workload_get':
        return this.workload(teamId);
      default:
        return NOT_HANDLED;
    }
  }

  // ----- reads -----

  people(teamId: string): TeamPeople {
    const people: Person[] = this.host
      .teamMembers(teamId)
      .map((m) => {
        const p = this.profile(teamId, m.userId);
        return {
          userId: m.userId,
          name: this.host.nameOf(m.userId),
          role: m.role,
          title: p.title,
          department: p.department,
          reportsTo: p.reportsTo,
          skills: [...p.skills],
          joinedAt: p.joinedAt,
        };
      })
      .sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase()));
    const departments: Department[] = [...this.depts(teamId).values()]
      .map((d) => ({ ...d, members: people.filter((p) => p.department === d.id).length }))
      .sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase()));
    return { people, departments };
  }

  /** A member's department, for assessments assigned by department. */
  departmentOf(teamId: string, userId: string): string | null {
    return this.profilesOf(teamId).get(userId)?.department ?? null;
  }

  departmentName(teamId: string, id: string): string | null {
    return this.depts(teamId).get(id)?.name ?? null;
  }

  departmentIds(teamId: string): string[] {
    return [...this.depts(teamId).keys()];
  }

  roleOf(teamId: string, userId: string): Role | null {
    return this.host.teamMembers(teamId).find((m) => m.userId === userId)?.role ?? null;
  }

  private workload(teamId: string): Workload[] {
    const today = this.host.today();
    const tasks = this.host.openTasks(teamId);
    const assessments = this.host.openAssessments(teamId);
    return this.people(teamId).people.map((p) => {
      const mine = tasks.filter((t) => t.assignee === p.userId);
      const theirs = assessments.filter((x) => x.userId === p.userId);
      return {
        userId: p.userId,
        name: p.name,
        openTasks: mine.length,
        overdueTasks: mine.filter((t) => t.due !== null && t.due < today).length,
        openAssessments: theirs.length,
        overdueAssessments: theirs.filter((x) => x.overdue).length,
      };
    });
  }

  // ----- store access (tests and seed data) -----

  /** Adds a department straight into the store; returns its id. */
  addDepartment(teamId: string, name: string, lead: string | null = null): string {
    const id = this.host.id('dept');
    this.depts(teamId).set(id, { id, name, lead });
    return id;
  }

  /** Sets profile fields straight in the store. */
  setProfile(teamId: string, userId: string, fields: Partial<Profile>): void {
    Object.assign(this.profile(teamId, userId), fields);
  }

  // ----- helpers -----

  private changedPeople(teamId: string): TeamPeople {
    this.host.changed(teamId, 'team', teamId);
    return this.people(teamId);
  }

  private profilesOf(teamId: string): Map<string, Profile> {
    let map = this.profiles.get(teamId);
    if (!map) {
      map = new Map();
      this.profiles.set(teamId, map);
    }
    return map;
  }

  private profile(teamId: string, userId: string): Profile {
    const map = this.profilesOf(teamId);
    let p = map.get(userId);
    if (!p) {
      p = { title: null, department: null, reportsTo: null, skills: [], joinedAt: this.host.now() };
      map.set(userId, p);
    }
    return p;
  }

  private depts(teamId: string) {
    this.host.teamMembers(teamId);
    let map = this.departments.get(teamId);
    if (!map) {
      map = new Map();
      this.departments.set(teamId, map);
    }
    return map;
  }

  private member(teamId: string, userId: unknown) {
    return (
      this.host.teamMembers(teamId).find((m) => m.userId === userId) ??
      this.host.fail('not_found', `member \`${String(userId)}\` does not exist`)
    );
  }
}
