// What the progress view shows, built from a job's events. Pure: applyEvent() folds one event
// into the model; the view renders it.

const STAGE_LABELS = {
  download: 'Downloading the song',
  decode: 'Decoding the audio',
  separate: 'Separating the vocals',
  vad: 'Finding where the voice sings',
  lyrics: 'Reading the lyrics',
  recognize: 'Listening for words',
  align: 'Aligning the words',
};

const STATE_LABELS = {
  queued: 'Waiting in the queue…',
  running: 'Working…',
  succeeded: 'Done.',
  failed: 'Failed.',
  cancelled: 'Cancelled.',
};

export function stageLabel(name) {
  return STAGE_LABELS[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

export function stateLabel(state) {
  return STATE_LABELS[state] ?? state;
}

// {state, error, stages: [{name, progress (0-1), done}], current (stage name or "")}
export function createProgress(state = 'queued') {
  return {state, error: '', stages: [], current: ''};
}

function enterStage(model, name) {
  if (model.current === name) return model.stages.find((s) => s.name === name);
  for (const stage of model.stages) {
    if (stage.name === model.current) {
      stage.done = true;
      stage.progress = 1;
    }
  }
  model.current = name;
  let stage = model.stages.find((s) => s.name === name);
  if (!stage) {
    stage = {name, progress: 0, done: false};
    model.stages.push(stage);
  }
  stage.done = false;
  return stage;
}

// Folds {type, data} into `model` and returns it. `type` is the SSE event name.
export function applyEvent(model, {type, data}) {
  if (!data || typeof data !== 'object') return model;
  if (type === 'state' && typeof data.state === 'string') {
    model.state = data.state;
    if (data.error_message) model.error = data.error_message;
    if (data.state === 'succeeded') {
      for (const stage of model.stages) {
        stage.done = true;
        stage.progress = 1;
      }
      model.current = '';
    }
  } else if ((type === 'stage' || type === 'progress') && typeof data.stage === 'string') {
    const stage = enterStage(model, data.stage);
    if (typeof data.progress === 'number') stage.progress = Math.min(1, Math.max(0, data.progress));
    if (model.state === 'queued') model.state = 'running';
  }
  return model;
}
