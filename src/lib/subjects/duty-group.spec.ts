import { describe, expect, it } from 'vitest';
import { groupSpelling, typedDutyGroup } from './duty-group';

describe('typedDutyGroup', () => {
	it('collapses spaces and reads the default group’s own name as the default group', () => {
		expect(typedDutyGroup('  Lãnh   đạo phòng ')).toBe('Lãnh đạo phòng');
		expect(typedDutyGroup('')).toBe('');
		expect(typedDutyGroup(' chung ')).toBe('');
		expect(typedDutyGroup('General')).toBe('');
	});
});

describe('groupSpelling', () => {
	it('takes the spelling already used for the same group', () => {
		const known = ['', 'Lãnh đạo phòng', 'Chuyên môn'];
		expect(groupSpelling(known, 'lãnh đạo PHÒNG')).toBe('Lãnh đạo phòng');
		// The tone mark in its old place ("hoà") is the same word.
		expect(groupSpelling(['Hòa giải'], 'Hoà giải')).toBe('Hòa giải');
		expect(groupSpelling(known, 'Văn phòng')).toBe('Văn phòng');
		expect(groupSpelling(known, '')).toBe('');
	});
});
