import { z } from 'zod';

/** A text field that may be left empty (empty string rather than missing). */
export const optionalText = (max: number) => z.string().trim().max(max).optional().default('');
