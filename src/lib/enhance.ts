import type { SubmitFunction } from '@sveltejs/kit';

/**
 * After a refused submit, behave like the no-JavaScript page does: password fields come back
 * empty, and focus moves to the first field in error (or the first password) so the user
 * can correct it at once.
 */
export const clearPasswordsOnFailure: SubmitFunction = () => {
	return async ({ result, update, formElement }) => {
		await update();
		if (result.type !== 'failure') return;
		const passwords = formElement.querySelectorAll<HTMLInputElement>('input[type="password"]');
		for (const input of passwords) input.value = '';
		const target =
			formElement.querySelector<HTMLElement>('[aria-invalid="true"]') ?? passwords[0] ?? null;
		target?.focus();
	};
};
