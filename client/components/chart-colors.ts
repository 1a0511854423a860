/** A sober palette that stays readable in print and for common colour-vision deficiencies. */
export const YEAR_COLORS = ['#9db4d0', '#3f6ea8', '#1d3f6e', '#c58b2b', '#6b8f71', '#8c5e8a'];
export const TARGET_COLOR = '#b7c4d3';
export const TARGET_MAX_COLOR = '#dfe6ee';
export const PROGRESS_COLOR = '#1d3f6e';
export const KEPT_COLOR = '#2f7d4f';
export const ON_TIME_COLOR = '#3f6ea8';
