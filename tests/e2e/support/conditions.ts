import { expect, type Locator, type Page } from '@playwright/test';

/** What the organiser records for a person; shares in percent as typed. */
export interface ConditionEntry {
	completed?: string;
	onTime?: string;
	exceeded?: string;
	shortcomingsFixed?: boolean;
	discipline?: boolean;
}

/** Every condition of QĐ 366-QĐ/TW met (NĐ 335's: no finding, an empty entry). */
export const QD_366_MET: ConditionEntry = {
	completed: '100',
	onTime: '100',
	exceeded: '40',
	shortcomingsFixed: true
};

/** Fills a person's conditions form (the fields the preset asks) and saves it. */
export async function fillConditions(
	form: Locator,
	name: string,
	entry: ConditionEntry
): Promise<void> {
	const shares = [
		['completed', 'Tỷ lệ hoàn thành (%)'],
		['onTime', 'Tỷ lệ đúng hạn (%)'],
		['exceeded', 'Tỷ lệ vượt mức (%)']
	] as const;
	for (const [fact, label] of shares) {
		const value = entry[fact];
		if (value !== undefined) await form.getByLabel(label).fill(value);
	}
	const ticks = [
		['shortcomingsFixed', 'Đã khắc phục 100% các hạn chế, khuyết điểm được chỉ ra'],
		['discipline', 'Bị kỷ luật bằng hình thức từ khiển trách trở lên']
	] as const;
	for (const [fact, label] of ticks) {
		const value = entry[fact];
		if (value !== undefined) await form.getByLabel(label).setChecked(value);
	}
	await form.getByRole('button', { name: new RegExp(`^Ghi nhận điều kiện\\s*: ${name}$`) }).click();
}

/** A person's forms on the results page, under "Xác nhận xếp loại", opened. */
export async function personOnResults(page: Page, name: string): Promise<Locator> {
	const person = page
		.getByRole('region', { name: 'Xác nhận xếp loại' })
		.locator('details')
		.filter({ has: page.locator('summary', { hasText: name }) });
	if ((await person.getAttribute('open')) === null) await person.locator('summary').click();
	return person;
}

/** Records a person's conditions on the results page and waits for the confirmation. */
export async function recordConditionsOnResults(
	page: Page,
	name: string,
	entry: ConditionEntry = QD_366_MET
): Promise<void> {
	const person = await personOnResults(page, name);
	await fillConditions(person, name, entry);
	await expect((await personOnResults(page, name)).getByRole('status')).toHaveText(
		'Đã ghi nhận điều kiện.'
	);
}
