// Renders the progress model (progress_model.js) as a list of stages with progress bars.

import {stageLabel, stateLabel} from './progress_model.js';

// Redraws `list` (an <ol>) and the live status line `status` from `model`. The status line is
// aria-live, so it changes only when the state or the stage changes, not on every tick.
export function renderProgress(model, {list, status}) {
  const items = model.stages.map((stage) => {
    const li = document.createElement('li');
    const current = stage.name === model.current;
    li.className = `stage${stage.done ? ' done' : ''}${current ? ' current' : ''}`;
    const percent = Math.round(stage.progress * 100);
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = stage.done ? '✓' : current ? '●' : '○';
    const name = document.createElement('span');
    name.className = 'name';
    name.id = `stage-${stage.name}`;
    name.textContent = stageLabel(stage.name);
    const value = document.createElement('span');
    value.className = 'percent';
    value.textContent = `${percent}%`;
    const bar = document.createElement('progress');
    bar.max = 1;
    bar.value = stage.progress;
    bar.setAttribute('aria-labelledby', name.id);
    li.append(mark, name, value, bar);
    return li;
  });
  list.replaceChildren(...items);
  let text = stateLabel(model.state);
  if (model.state === 'running' && model.current) text = `${stageLabel(model.current)}…`;
  if (model.state === 'failed' && model.error) text = `Failed: ${model.error}`;
  if (status.textContent !== text) status.textContent = text;
}
