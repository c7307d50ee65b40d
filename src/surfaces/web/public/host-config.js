// Host config for the Adaptive Cards renderer: a light theme close to Microsoft Teams' (Segoe UI, Teams' brand
// purple for accents, Teams' status colours), so cards look here as they do in Teams.

const FONT = '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';

/** Text colours on a background; `good`, `warning` and `attention` are what the cards use for states. */
const foreground = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#424242' },
  light: { default: '#FFFFFF', subtle: '#F5F5F5' },
  accent: { default: '#4F52B2', subtle: '#5B5FC7' },
  good: { default: '#0E700E', subtle: '#107C10' },
  warning: { default: '#835B00', subtle: '#8A6A00' },
  attention: { default: '#C4314B', subtle: '#D13438' },
};

const style = (backgroundColor) => ({ backgroundColor, foregroundColors: foreground });

export const HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: FONT,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontTypes: {
    default: {
      fontFamily: FONT,
      fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: 'Consolas, "Cascadia Mono", Menlo, monospace',
      fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
  },
  containerStyles: {
    default: style('#FFFFFF'),
    emphasis: style('#F5F5F5'),
    accent: style('#E8EBFA'),
    good: style('#F1FAF1'),
    attention: style('#FDF3F4'),
    warning: style('#FBF6D9'),
  },
  imageSizes: { small: 32, medium: 52, large: 100 },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: true, weight: 'default', wrap: true, maxWidth: 140 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  inputs: {
    label: {
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { size: 'small', color: 'attention' },
  },
  textBlock: { headingLevel: 3 },
};
