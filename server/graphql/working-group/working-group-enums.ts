import { registerEnumType } from 'type-graphql';
import {
  ACTION_LINK_KINDS, ACTION_STATUSES, ActionLinkKind, ActionStatus, Attendance, ATTENDANCES, GROUP_MODES, GroupMode, MEMBER_ROLES, MemberRole,
} from '../../domain/working-groups/model';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const GroupModeEnum = enumOf<GroupMode>(GROUP_MODES);
export const MemberRoleEnum = enumOf<MemberRole>(MEMBER_ROLES);
export const AttendanceEnum = enumOf<Attendance>(ATTENDANCES);
export const ActionStatusEnum = enumOf<ActionStatus>(ACTION_STATUSES);
export const ActionLinkKindEnum = enumOf<ActionLinkKind>(ACTION_LINK_KINDS);

registerEnumType(GroupModeEnum, {
  name: 'GroupMode',
  description: 'How a working group acts (PRAEC Occitanie).',
  valuesConfig: {
    RESOURCE_SPACE: { description: 'A resource space on its theme: technical meetings where members move forward together.' },
    PROJECT_OWNER: { description: "Project owner (maître d'ouvrage): the group commissions a project." },
    PROJECT_MANAGER: { description: "Project manager (maître d'œuvre): one member carries the project out." },
  },
});
registerEnumType(MemberRoleEnum, { name: 'MemberRole', description: 'A member\'s role in a working group.' });
registerEnumType(AttendanceEnum, { name: 'Attendance', description: 'Attendance at a group meeting.' });
registerEnumType(ActionStatusEnum, {
  name: 'ActionStatus',
  description: 'Where an action of a group stands; BLOCKED and DROPPED carry a reason.',
});
registerEnumType(ActionLinkKindEnum, { name: 'ActionLinkKind', description: 'What an action produced elsewhere in the graph.' });
