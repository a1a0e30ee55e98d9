/**
 * The group of people with similar duties (nhóm có chức trách, nhiệm vụ tương đồng) a person on
 * an appraisal belongs to: the cap on excellent grades counts within each group. Pure.
 *
 * Everyone starts in one default group, stored as '' and shown as "Chung". Two spellings of one
 * group would split it and change what the cap allows, so a group is tidied as it is typed and
 * takes the spelling already in use for it.
 */
import { DEFAULT_DUTY_GROUP } from '$lib/tally/cap';
import { m } from '$lib/paraglide/messages.js';
import { comparable } from './duplicates';

/** The default group's shown names, which typed mean the default group itself. */
const DEFAULT_NAMES = (['vi', 'en'] as const).map((locale) =>
	comparable(m.duty_group_default({}, { locale }))
);

/** A group as typed or pasted: spaces collapsed; "Chung" (or nothing) is the default group. */
export function typedDutyGroup(text: string): string {
	const tidy = text.replace(/\s+/gu, ' ').trim();
	return DEFAULT_NAMES.includes(comparable(tidy)) ? DEFAULT_DUTY_GROUP : tidy;
}

/**
 * The spelling of `group` already used in the session (`known`), compared as names are (case,
 * spacing, place of the tone mark); the group as given when it is new.
 */
export function groupSpelling(known: readonly string[], group: string): string {
	const key = comparable(group);
	return known.find((existing) => comparable(existing) === key) ?? group;
}

/** "Chung" for the default group, else the group's own name. */
export function dutyGroupName(group: string): string {
	return group === DEFAULT_DUTY_GROUP ? m.duty_group_default() : group;
}
