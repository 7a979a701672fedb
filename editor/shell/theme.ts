/** Shared look for the panels (shadow DOM): readable at 1280×800, visible focus, no web fonts. */
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
    font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;
    color: #1d2733;
  }
  h2 {
    font-size: 13px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: #4a5868;
    margin: 0 0 8px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  select:focus-visible {
    outline: 3px solid #2f6fdb;
    outline-offset: 1px;
  }
  .muted {
    color: #5c6a79;
  }
  .chip {
    display: inline-block;
    padding: 1px 8px;
    margin: 0 4px 4px 0;
    border-radius: 10px;
    background: #e8eef7;
    font-size: 13px;
  }
`;
