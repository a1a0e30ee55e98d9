import type { PageData } from './$types';

/** An appraisal's results as the page loads them, shared by the components that show them. */
export type AppraisalView = Extract<PageData['report'], { kind: 'appraisal' }>;
export type AppraisalRowView = AppraisalView['rows'][number];
