/*
 * Ponte's operator console: one page over the public API (/api/v1), for the person who looks after a company's
 * connections. The API key stays in this tab's sessionStorage and travels only as the Authorization header, so the
 * console holds no session of its own and there is nothing for another site to forge. Everything shown comes from
 * the API and is put on the page as text, never as markup.
 */
'use strict';
(function () {
  var TEXT = {
    en: {
      webhookSubscribed: 'Ponte subscribes its webhook in the source when the connection is enabled.',
      webhookPaste: 'Paste this address in the source\'s webhook screen (it carries the connection\'s secret: keep it private):',
      consentFailed: 'The consent did not complete (refused, expired or used already): start it again from the connection.',
      newConnection: 'New connection', source: 'From', ledger: 'To', flows: 'What to sync', credentials: 'Credentials',
      settings: 'Settings (empty: the default)', create: 'Create', createdConnection: 'Created: connect it, then enable it.',
      noFlows: 'No flow runs between these two systems.', byConsent: 'connected by its consent page once created',
      connect: 'Connect', connected: 'Connected: the credentials are stored.',
      budgets: 'Request budgets at the vendors (last minute)', system: 'System', calls: 'Calls',
      throttled: 'Refused for rate (429)', vendorSays: 'The vendor reports', remaining: 'left', daily: 'left today',
      resets: 'resets', paced: 'Ponte keeps to', perSecond: '/s', noBudget: 'no calls yet', unreported: 'nothing',
      keyRefused: 'This API key was not accepted.', signedOut: 'Signed out.', noConnections: 'No connections yet.',
      open: 'Open', DRAFT: 'not enabled yet', ACTIVE: 'enabled', DISABLED: 'disabled',
      NEEDS_RECONNECT: 'needs reconnecting: its work is kept and syncs once it is reconnected',
      paused: 'its work is on hold', since: 'syncing what is won or paid since', nothingWaiting: 'Nothing waiting.',
      noFailures: 'Nothing failed.', useThis: 'Use this one', createNew: 'Create a new one', retry: 'Retry now',
      chosen: 'Done: the record is being synced with your choice.', retried: 'Queued again.',
      attempts: 'attempts', waitingRetry: 'will be retried at', gaveUp: 'waits for you',
      enabled: 'Enabled.', disabled: 'Disabled.', credentialsWork: 'The credentials work.', runQueued: 'Run queued.',
      noRuns: 'No runs yet.', noHistory: 'Nothing recorded yet.', noPreview: 'Nothing in this range.',
      previewed: 'records previewed', truncated: 'more in the range than shown', created: 'created',
      updated: 'updated', unchanged: 'unchanged', conflicts: 'conflicts', skipped: 'skipped', failedCount: 'failed',
      failedRequest: 'Ponte could not be reached.', signOut: 'Sign out', signInTitle: 'Sign in',
      signInHelp: 'Paste your company\'s Ponte API key. It stays in this browser tab only.', apiKey: 'API key',
      signIn: 'Sign in', connections: 'Connections', name: 'Name', systems: 'From → to', status: 'Status',
      enable: 'Enable', disable: 'Disable', test: 'Check the credentials', refresh: 'Refresh',
      reviews: 'Waiting for your decision',
      reviewsHelp: 'Ponte does not guess between customers that fit equally well: choose one, or a new one.',
      failures: 'Work that failed',
      failuresHelp: 'Fix the cause in the CRM or the ledger, then retry: nothing is lost meanwhile.', runs: 'Runs',
      runIncremental: 'Catch up now', runFull: 'Full comparison', mode: 'Run', result: 'Result', when: 'When',
      history: 'What happened', subject: 'Record (e.g. pipedrive:deal:8), empty for all', show: 'Show',
      record: 'Record', outcome: 'Outcome', message: 'Why', preview: 'Preview (nothing is written)',
      from: 'Won or paid from', to: 'until before', previewButton: 'Preview', flow: 'Flow', change: 'Change this connection',
      keepStored: 'stored: type only to replace it', save: 'Save', saved: 'Saved.',
      receivable: 'How each account receivable is filled', payable: 'How each account payable is filled',
      mappingHelp: 'Each field is a constant, a placeholder or both, e.g. Pedido {deal.title} – {company.name}. Placeholders: {deal.id}, {deal.title}, {deal.value}, {deal.wonDate}, {deal.field:<label>}, {customer.name}, {customer.type}, {customer.document}, {company.name}, {company.field:<label>}, {contact.name}, {contact.field:<label>}.',
      mappingSaved: 'Saved: the next deals are filled this way.', more: 'Show more',
      terms: 'The ledger\'s extra customer fields', termsHelp: 'For each: the value used when the CRM leaves it empty, the CRM company field it is read from, and CRM values translated to ledger codes (one "CRM value = code" a line).',
      field: 'Field', required: 'required by the ledger', defaultValue: 'Default', crmField: 'CRM field',
      derive: 'From the country', translations: 'Translations', reset: 'Reset', termSaved: 'Saved.'
    },
    pt: {
      webhookSubscribed: 'O Ponte assina o webhook na origem quando a conexão é ativada.',
      webhookPaste: 'Cole este endereço na tela de webhooks da origem (ele leva o segredo da conexão: mantenha-o privado):',
      consentFailed: 'O consentimento não foi concluído (recusado, expirado ou já usado): comece de novo pela conexão.',
      newConnection: 'Nova conexão', source: 'De', ledger: 'Para', flows: 'O que sincronizar', credentials: 'Credenciais',
      settings: 'Configurações (vazio: o padrão)', create: 'Criar', createdConnection: 'Criada: conecte-a e depois ative-a.',
      noFlows: 'Nenhum fluxo funciona entre estes dois sistemas.', byConsent: 'conectado pela página de consentimento depois de criada',
      connect: 'Conectar', connected: 'Conectado: as credenciais foram guardadas.',
      budgets: 'Limites de requisições nos fornecedores (último minuto)', system: 'Sistema', calls: 'Chamadas',
      throttled: 'Recusadas por limite (429)', vendorSays: 'O fornecedor informa', remaining: 'restantes',
      daily: 'restantes hoje', resets: 'renova', paced: 'o Ponte se limita a', perSecond: '/s',
      noBudget: 'nenhuma chamada ainda', unreported: 'nada',
      keyRefused: 'Esta chave de API não foi aceita.', signedOut: 'Você saiu.', noConnections: 'Nenhuma conexão ainda.',
      open: 'Abrir', DRAFT: 'ainda não ativada', ACTIVE: 'ativada', DISABLED: 'desativada',
      NEEDS_RECONNECT: 'precisa ser reconectada: o trabalho fica guardado e sincroniza ao reconectar',
      paused: 'o trabalho está em espera', since: 'sincroniza o que foi ganho ou pago desde',
      nothingWaiting: 'Nada esperando.', noFailures: 'Nenhuma falha.', useThis: 'Usar este',
      createNew: 'Criar um novo', retry: 'Tentar de novo',
      chosen: 'Pronto: o registro será sincronizado com a sua escolha.',
      retried: 'Na fila de novo.', attempts: 'tentativas', waitingRetry: 'nova tentativa em',
      gaveUp: 'espera por você', enabled: 'Ativada.', disabled: 'Desativada.',
      credentialsWork: 'As credenciais funcionam.',
      runQueued: 'Execução na fila.', noRuns: 'Nenhuma execução ainda.', noHistory: 'Nada registrado ainda.',
      noPreview: 'Nada neste período.', previewed: 'registros na prévia',
      truncated: 'há mais no período do que o mostrado',
      created: 'criados', updated: 'atualizados', unchanged: 'sem mudança', conflicts: 'conflitos',
      skipped: 'ignorados', failedCount: 'com falha', failedRequest: 'Não foi possível falar com o Ponte.',
      signOut: 'Sair', signInTitle: 'Entrar',
      signInHelp: 'Cole a chave de API do Ponte da sua empresa. Ela fica só nesta aba do navegador.',
      apiKey: 'Chave de API', signIn: 'Entrar', connections: 'Conexões', name: 'Nome', systems: 'De → para',
      status: 'Situação', enable: 'Ativar', disable: 'Desativar', test: 'Verificar as credenciais',
      refresh: 'Atualizar', reviews: 'Esperando a sua decisão',
      reviewsHelp: 'O Ponte não escolhe entre clientes igualmente compatíveis: escolha um, ou um novo.',
      failures: 'Trabalho com falha',
      failuresHelp: 'Corrija a causa no CRM ou no sistema contábil e tente de novo: nada se perde enquanto isso.',
      runs: 'Execuções', runIncremental: 'Buscar o que falta agora', runFull: 'Comparação completa', mode: 'Execução',
      result: 'Resultado', when: 'Quando', history: 'O que aconteceu',
      subject: 'Registro (ex.: pipedrive:deal:8), vazio para todos', show: 'Mostrar', record: 'Registro',
      outcome: 'Resultado', message: 'Por quê', preview: 'Prévia (nada é gravado)', from: 'Ganhos ou pagos desde',
      to: 'até antes de', previewButton: 'Ver prévia', flow: 'Fluxo', change: 'Alterar esta conexão',
      keepStored: 'guardada: digite só para trocá-la', save: 'Salvar', saved: 'Salvo.',
      receivable: 'Como cada conta a receber é preenchida', payable: 'Como cada conta a pagar é preenchida',
      mappingHelp: 'Cada campo é um valor fixo, um marcador ou os dois, ex.: Pedido {deal.title} – {company.name}. Marcadores: {deal.id}, {deal.title}, {deal.value}, {deal.wonDate}, {deal.field:<rótulo>}, {customer.name}, {customer.type}, {customer.document}, {company.name}, {company.field:<rótulo>}, {contact.name}, {contact.field:<rótulo>}.',
      mappingSaved: 'Salvo: os próximos negócios são preenchidos assim.', more: 'Mostrar mais',
      terms: 'Os campos extras de cliente do sistema contábil', termsHelp: 'Para cada um: o valor usado quando o CRM o deixa vazio, o campo da empresa no CRM de onde é lido, e valores do CRM traduzidos em códigos (um "valor do CRM = código" por linha).',
      field: 'Campo', required: 'obrigatório no sistema contábil', defaultValue: 'Padrão', crmField: 'Campo no CRM',
      derive: 'Pelo país', translations: 'Traduções', reset: 'Restaurar', termSaved: 'Salvo.'
    },
    it: {
      webhookSubscribed: 'Ponte registra il webhook nella sorgente quando la connessione viene attivata.',
      webhookPaste: 'Incolla questo indirizzo nella schermata webhook della sorgente (contiene il segreto della connessione: tienilo riservato):',
      consentFailed: 'Il consenso non è stato completato (rifiutato, scaduto o già usato): riparti dalla connessione.',
      newConnection: 'Nuova connessione', source: 'Da', ledger: 'A', flows: 'Cosa sincronizzare', credentials: 'Credenziali',
      settings: 'Impostazioni (vuoto: il predefinito)', create: 'Crea', createdConnection: 'Creata: collegala, poi attivala.',
      noFlows: 'Nessun flusso tra questi due sistemi.', byConsent: 'collegato dalla pagina di consenso una volta creata',
      connect: 'Collega', connected: 'Collegato: le credenziali sono salvate.',
      budgets: 'Limiti di richieste presso i fornitori (ultimo minuto)', system: 'Sistema', calls: 'Chiamate',
      throttled: 'Rifiutate per limite (429)', vendorSays: 'Il fornitore riporta', remaining: 'rimanenti',
      daily: 'rimanenti oggi', resets: 'si azzera', paced: 'Ponte si limita a', perSecond: '/s',
      noBudget: 'ancora nessuna chiamata', unreported: 'niente',
      keyRefused: 'Questa chiave API non è stata accettata.', signedOut: 'Disconnesso.',
      noConnections: 'Ancora nessuna connessione.', open: 'Apri', DRAFT: 'non ancora attivata', ACTIVE: 'attiva',
      DISABLED: 'disattivata',
      NEEDS_RECONNECT: 'da ricollegare: il lavoro resta in attesa e si sincronizza quando è ricollegata',
      paused: 'il lavoro è in attesa', since: 'sincronizza ciò che è vinto o pagato dal',
      nothingWaiting: 'Niente in attesa.', noFailures: 'Nessun errore.', useThis: 'Usa questo',
      createNew: 'Creane uno nuovo', retry: 'Riprova ora',
      chosen: 'Fatto: il record viene sincronizzato con la tua scelta.',
      retried: 'Di nuovo in coda.', attempts: 'tentativi', waitingRetry: 'nuovo tentativo alle',
      gaveUp: 'aspetta te', enabled: 'Attivata.', disabled: 'Disattivata.',
      credentialsWork: 'Le credenziali funzionano.',
      runQueued: 'Esecuzione in coda.', noRuns: 'Ancora nessuna esecuzione.', noHistory: 'Ancora niente registrato.',
      noPreview: 'Niente in questo periodo.', previewed: 'record in anteprima',
      truncated: 'nel periodo ce ne sono più di quelli mostrati', created: 'creati', updated: 'aggiornati',
      unchanged: 'invariati', conflicts: 'conflitti', skipped: 'saltati', failedCount: 'falliti',
      failedRequest: 'Ponte non è raggiungibile.', signOut: 'Esci', signInTitle: 'Accedi',
      signInHelp: 'Incolla la chiave API di Ponte della tua azienda. Resta solo in questa scheda del browser.',
      apiKey: 'Chiave API', signIn: 'Accedi', connections: 'Connessioni', name: 'Nome', systems: 'Da → a',
      status: 'Stato', enable: 'Attiva', disable: 'Disattiva', test: 'Verifica le credenziali', refresh: 'Aggiorna',
      reviews: 'In attesa della tua decisione',
      reviewsHelp: 'Ponte non sceglie tra clienti ugualmente adatti: scegline uno, o uno nuovo.',
      failures: 'Lavoro non riuscito',
      failuresHelp: 'Correggi la causa nel CRM o nel gestionale, poi riprova: intanto non si perde nulla.',
      runs: 'Esecuzioni', runIncremental: 'Recupera ora', runFull: 'Confronto completo', mode: 'Esecuzione',
      result: 'Esito', when: 'Quando', history: 'Cosa è successo',
      subject: 'Record (es. pipedrive:deal:8), vuoto per tutti', show: 'Mostra', record: 'Record', outcome: 'Esito',
      message: 'Perché', preview: 'Anteprima (non si scrive nulla)', from: 'Vinti o pagati dal', to: 'fino a prima del',
      previewButton: 'Anteprima', flow: 'Flusso', change: 'Modifica questa connessione',
      keepStored: 'salvata: scrivi solo per sostituirla', save: 'Salva', saved: 'Salvato.',
      receivable: 'Come si compila ogni credito', payable: 'Come si compila ogni debito',
      mappingHelp: 'Ogni campo è un valore fisso, un segnaposto o entrambi, es. Pedido {deal.title} – {company.name}. Segnaposto: {deal.id}, {deal.title}, {deal.value}, {deal.wonDate}, {deal.field:<etichetta>}, {customer.name}, {customer.type}, {customer.document}, {company.name}, {company.field:<etichetta>}, {contact.name}, {contact.field:<etichetta>}.',
      mappingSaved: 'Salvato: i prossimi affari sono compilati così.', more: 'Mostra altri',
      terms: 'I campi cliente aggiuntivi del gestionale', termsHelp: 'Per ciascuno: il valore usato quando il CRM lo lascia vuoto, il campo dell\'azienda nel CRM da cui si legge, e i valori del CRM tradotti in codici (un "valore CRM = codice" per riga).',
      field: 'Campo', required: 'obbligatorio nel gestionale', defaultValue: 'Predefinito', crmField: 'Campo CRM',
      derive: 'Dal paese', translations: 'Traduzioni', reset: 'Ripristina', termSaved: 'Salvato.'
    }
  };
  var lang = (navigator.language || 'en').slice(0, 2).toLowerCase();
  var words = TEXT[lang] || TEXT.en;

  function t(key) {
    return words[key] || TEXT.en[key] || key;
  }

  var KEY = 'ponte.apiKey';
  var current = null;
  /** The systems by name, from the catalog: whether each connects by OAuth2 consent, and its label. */
  var systems = {};
  /** The flows, from the catalog: the pairs of systems each runs between, and its settings. */
  var flows = [];
  /** The connection (and version) the change form shows, so a refresh does not undo what a person is typing. */
  var editing = null;
  /** The entry-mapping forms of the flows that need one: their kind in the API. */
  var MAPPED = { WonDealToReceivable: 'receivable', WonDealToPayable: 'payable' };
  /** Items per page of a list; a button under it adds the next page. */
  var PAGE = 50;
  /** The problem type of a job waiting in the review list for a person's choice. */
  var REVIEW = 'urn:ponte:job:review';
  var MAPPING_FIELDS = ['competence', 'value', 'description', 'notes', 'financialAccount', 'category',
    'customerName', 'customerType', 'role'];

  function $(id) {
    return document.getElementById(id);
  }

  /** An element with text (never markup) and attributes. */
  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function button(text, onClick, attributes) {
    var b = el('button', text, attributes);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function row(cells) {
    var tr = el('tr');
    cells.forEach(function (cell) {
      var td = el('td');
      if (cell instanceof Node) {
        td.appendChild(cell);
      } else {
        td.textContent = cell === undefined || cell === null ? '' : String(cell);
      }
      tr.appendChild(td);
    });
    return tr;
  }

  function fill(container, nodes, empty) {
    container.textContent = '';
    if (nodes.length === 0 && empty) {
      container.appendChild(container.tagName === 'TBODY' ? row([t(empty)]) : el('p', t(empty), { 'class': 'empty' }));
    }
    nodes.forEach(function (node) {
      container.appendChild(node);
    });
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  function notify(message, isError) {
    var notice = $('notice');
    notice.textContent = message;
    notice.className = isError ? 'error' : 'ok';
    notice.hidden = false;
  }

  /** A problem+json answer as a person reads it: what, why, and each field at fault. */
  function problemText(problem) {
    if (!problem || typeof problem !== 'object') {
      return problem ? String(problem) : '';
    }
    var parts = [problem.title, problem.detail].filter(Boolean);
    (problem.errors || []).forEach(function (e) {
      parts.push(e.field + ': ' + e.message);
    });
    return parts.join(' — ');
  }

  /**
   * Calls the API with the key; {@code done} gets the parsed answer of a 2xx, {@code absent} (if given) a 404, and
   * anything else is shown.
   */
  function api(method, path, body, done, absent) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, '/api/v1' + path);
    xhr.setRequestHeader('Authorization', 'Bearer ' + sessionStorage.getItem(KEY));
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (body !== null) {
      xhr.setRequestHeader('Content-Type', 'application/json');
    }
    xhr.onload = function () {
      var data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        data = xhr.responseText;
      }
      if (xhr.status === 401) {
        signOut(t('keyRefused'), true);
      } else if (xhr.status === 404 && absent) {
        absent();
      } else if (xhr.status >= 400) {
        notify(problemText(data) || String(xhr.status), true);
      } else if (done) {
        done(data);
      }
    };
    xhr.onerror = function () {
      notify(t('failedRequest'), true);
    };
    xhr.send(body === null ? null : JSON.stringify(body));
  }

  function signOut(message, isError) {
    sessionStorage.removeItem(KEY);
    current = null;
    $('app').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    notify(message, isError);
  }

  /** The catalog once (it changes only with a new build of Ponte), then the connections, after every action. */
  function loadConnections() {
    if (flows.length) {
      listConnections();
      return;
    }
    api('GET', '/catalog/systems', null, function (catalog) {
      catalog.forEach(function (system) {
        systems[system.system] = system;
      });
      api('GET', '/catalog/flows', null, function (catalogFlows) {
        flows = catalogFlows;
        choices();
        listConnections();
      });
    });
  }

  function listConnections() {
    api('GET', '/connections', null, function (list) {
      $('sign-in').hidden = true;
      $('app').hidden = false;
      $('sign-out').hidden = false;
      fill($('connection-rows'), list.map(function (c) {
        return row([c.name, c.sourceSystem + ' → ' + c.ledgerSystem, t(c.status),
          button(t('open'), function () { openConnection(c.id); }, { 'data-connection': c.id })]);
      }), 'noConnections');
      if (current) {
        openConnection(current);
      }
    });
  }

  /** The new-connection form's system lists; the rest of the form follows the pair chosen. */
  function choices() {
    [['new-source', 'SOURCE'], ['new-ledger', 'LEDGER']].forEach(function (side) {
      var select = $(side[0]);
      Object.keys(systems).filter(function (name) { return systems[name].side === side[1]; })
        .forEach(function (name) { select.appendChild(el('option', systems[name].label, { value: name })); });
    });
    pairChosen();
  }

  function pairChosen() {
    flowBoxes('new', $('new-source').value, $('new-ledger').value, [], {});
    credentialInputs('new', $('new-source').value, $('new-ledger').value, false);
  }

  /**
   * The flows that run between the pair as boxes, in the form whose ids start with {@code prefix}; those in
   * {@code checked} ticked, and their settings shown with {@code values}.
   */
  function flowBoxes(prefix, source, ledger, checked, values) {
    var offered = flows.filter(function (flow) {
      return flow.pairs.some(function (p) { return p.sourceSystem === source && p.ledgerSystem === ledger; });
    });
    fill($(prefix + '-flows'), offered.map(function (flow) {
      var label = el('label', null, { title: flow.description });
      var box = el('input', null, { type: 'checkbox', value: flow.name, 'data-flow': flow.name });
      box.checked = checked.indexOf(flow.name) >= 0;
      box.addEventListener('change', function () { settingInputs(prefix, typedOver(prefix, values)); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + flow.name + ' — ' + flow.description));
      var p = el('p');
      p.appendChild(label);
      return p;
    }), 'noFlows');
    settingInputs(prefix, values);
  }

  /** Each system's credential fields; where some are stored ({@code kept}), a field left empty keeps its value. */
  function credentialInputs(prefix, source, ledger, kept) {
    var fields = [];
    [source, ledger].forEach(function (name) {
      var system = systems[name];
      system.credentials.forEach(function (field) {
        var attributes = { type: 'password', autocomplete: 'off', 'data-credential': field.name };
        if (kept) {
          attributes.placeholder = t('keepStored');
        }
        fields.push(input(system.label + ' · ' + field.name, field.description, attributes));
      });
      if (system.oauth) {
        fields.push(el('p', system.label + ': ' + t('byConsent'), { 'class': 'muted' }));
      }
    });
    fill($(prefix + '-credentials'), fields, null);
  }

  function ticked(prefix) {
    return Array.prototype.map.call(document.querySelectorAll('#' + prefix + '-flows input:checked'),
      function (box) { return box.value; });
  }

  /** {@code values} with what is typed in the settings shown now over them, so redrawing them loses nothing. */
  function typedOver(prefix, values) {
    var merged = {};
    Object.keys(values).forEach(function (name) { merged[name] = values[name]; });
    Array.prototype.forEach.call(document.querySelectorAll('#' + prefix + '-settings [data-setting]'), function (node) {
      merged[node.getAttribute('data-setting')] = node.value;
    });
    return merged;
  }

  /** The settings of the flows ticked, each once, with their current {@code values} (empty: the default). */
  function settingInputs(prefix, values) {
    var names = ticked(prefix);
    var seen = {};
    var nodes = [];
    flows.filter(function (flow) { return names.indexOf(flow.name) >= 0; }).forEach(function (flow) {
      flow.settings.forEach(function (setting) {
        if (seen[setting.name]) {
          return;
        }
        seen[setting.name] = true;
        var value = values[setting.name];
        var text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);
        var attributes = { 'data-setting': setting.name, 'data-type': setting.type };
        if (setting.type === 'CHOICE' || setting.type === 'BOOLEAN') {
          var label = el('label', setting.name + ' ', { title: setting.description });
          var select = el('select', null, attributes);
          select.appendChild(el('option', '', { value: '' }));
          (setting.type === 'BOOLEAN' ? ['true', 'false'] : setting.allowed).forEach(function (v) {
            var option = el('option', v, { value: v });
            option.selected = v === text;
            select.appendChild(option);
          });
          label.appendChild(select);
          var p = el('p');
          p.appendChild(label);
          p.appendChild(el('span', ' ' + setting.description, { 'class': 'muted' }));
          nodes.push(p);
        } else {
          attributes.placeholder = setting.defaultValue === null || setting.defaultValue === undefined ? ''
            : String(setting.defaultValue);
          var field = input(setting.name, setting.description, attributes);
          field.querySelector('input').value = text;
          nodes.push(field);
        }
      });
    });
    fill($(prefix + '-settings'), nodes, null);
  }

  /**
   * What the form of {@code prefix} says: its flows, the credentials typed, and {@code settings} with the settings
   * shown applied — those of flows no longer ticked left out, the common ones (schedules) kept.
   */
  function formValues(prefix, settings) {
    var names = ticked(prefix);
    var declared = {};
    var wanted = {};
    flows.forEach(function (flow) {
      flow.settings.forEach(function (setting) {
        declared[setting.name] = true;
        if (names.indexOf(flow.name) >= 0) {
          wanted[setting.name] = true;
        }
      });
    });
    var kept = {};
    Object.keys(settings).forEach(function (name) {
      if (!declared[name] || wanted[name]) {
        kept[name] = settings[name];
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('#' + prefix + '-settings [data-setting]'), function (node) {
      var value = settingValue(node);
      if (value === undefined) {
        delete kept[node.getAttribute('data-setting')];
      } else {
        kept[node.getAttribute('data-setting')] = value;
      }
    });
    var credentials = {};
    Array.prototype.forEach.call(document.querySelectorAll('#' + prefix + '-credentials [data-credential]'),
      function (node) {
        if (node.value.trim() !== '') {
          credentials[node.getAttribute('data-credential')] = node.value.trim();
        }
      });
    return { flows: names, settings: kept, credentials: credentials };
  }

  function input(name, description, attributes) {
    var label = el('label', name + ' ', { title: description || '' });
    label.appendChild(el('input', null, attributes));
    var p = el('p');
    p.appendChild(label);
    if (description) {
      p.appendChild(el('span', ' ' + description, { 'class': 'muted' }));
    }
    return p;
  }

  /** A setting as typed, in its JSON type; undefined when left empty (the default applies). */
  function settingValue(node) {
    var text = node.value.trim();
    if (text === '') {
      return undefined;
    }
    switch (node.getAttribute('data-type')) {
      case 'INTEGER':
      case 'DECIMAL':
        return isNaN(Number(text)) ? text : Number(text);
      case 'BOOLEAN':
        return text === 'true' ? true : text === 'false' ? false : text;
      case 'STRING_LIST':
        return text.split(',').map(function (v) { return v.trim(); }).filter(Boolean);
      default:
        return text;
    }
  }

  function create() {
    var form = formValues('new', {});
    var body = {
      name: $('new-name').value.trim() || null, sourceSystem: $('new-source').value,
      ledgerSystem: $('new-ledger').value, settings: form.settings, credentials: form.credentials, flows: form.flows
    };
    api('POST', '/connections', body, function (c) {
      notify(t('createdConnection'));
      $('create-form').reset();
      $('new-connection').querySelector('details').open = false;
      current = c.id;
      pairChosen();
      loadConnections();
    });
  }

  function openConnection(id) {
    current = id;
    api('GET', '/connections/' + id, null, function (c) {
      $('connection').hidden = false;
      $('connection-title').textContent = c.name + ' (' + c.sourceSystem + ' → ' + c.ledgerSystem + ')';
      var state = [t(c.status)];
      if (c.paused && c.status !== 'DISABLED') {
        state.push(t('paused'));
      }
      if (c.activatedAt) {
        state.push(t('since') + ' ' + when(c.activatedAt));
      }
      $('connection-state').textContent = state.join(' · ');
      showConsents(c);
      showWebhook(c.id);
      if (editing !== c.id + '@' + c.updatedAt) {
        editing = c.id + '@' + c.updatedAt;
        showChange(c);
        showMappings(c);
        showTerms(c);
      }
      $('enable').hidden = c.status === 'ACTIVE';
      $('disable').hidden = c.status !== 'ACTIVE';
      loadReviews(id);
      loadBudgets(id);
      loadRuns(id);
      loadHistory(id);
    });
  }

  /** The change form: name, flows, settings as stored, and credentials (empty: kept). */
  function showChange(c) {
    $('edit-name').value = c.name;
    flowBoxes('edit', c.sourceSystem, c.ledgerSystem, c.flows, c.settings || {});
    credentialInputs('edit', c.sourceSystem, c.ledgerSystem, c.credentialsSet);
    $('save-connection').onclick = function () {
      var form = formValues('edit', c.settings || {});
      api('PUT', '/connections/' + c.id, {
        name: $('edit-name').value.trim() || null, sourceSystem: c.sourceSystem, ledgerSystem: c.ledgerSystem,
        flows: form.flows, settings: form.settings,
        credentials: Object.keys(form.credentials).length ? form.credentials : null
      }, function () {
        notify(t('saved'));
        loadConnections();
      });
    };
  }

  /** A form per entry mapping the connection's flows need (a receivable's, a payable's), filled as stored. */
  function showMappings(c) {
    var kinds = c.flows.filter(function (flow) { return MAPPED[flow]; }).map(function (flow) { return MAPPED[flow]; });
    fill($('mappings'), kinds.map(function (kind) {
      var form = el('div', null, { 'class': 'card', 'data-mapping': kind });
      form.appendChild(el('h3', t(kind)));
      form.appendChild(el('p', t('mappingHelp'), { 'class': 'muted' }));
      MAPPING_FIELDS.forEach(function (field) {
        form.appendChild(input(field, null, { 'data-field': field }));
      });
      form.appendChild(button(t('save'), function () {
        var fields = {};
        MAPPING_FIELDS.forEach(function (field) {
          var value = form.querySelector('[data-field="' + field + '"]').value.trim();
          fields[field] = value === '' ? null : value;
        });
        api('PUT', '/connections/' + c.id + '/entry-mappings/' + kind, { fields: fields },
          function () { notify(t('mappingSaved')); });
      }, { 'class': 'save-mapping' }));
      api('GET', '/connections/' + c.id + '/entry-mappings/' + kind, null, function (mapping) {
        MAPPING_FIELDS.forEach(function (field) {
          form.querySelector('[data-field="' + field + '"]').value = mapping.fields[field] || '';
        });
      }, function () {});
      return form;
    }), null);
  }

  /**
   * The ledger's extra customer fields (R32), where a flow of the connection syncs customers or quotes with a ledger
   * that has them: a row per field with its default, CRM field, translations and, for the VAT zone, derivation.
   */
  function showTerms(c) {
    var section = $('terms');
    section.textContent = '';
    if (c.flows.indexOf('CustomerSync') < 0 && c.flows.indexOf('QuotePush') < 0) {
      return;
    }
    api('GET', '/connections/' + c.id + '/mappings', null, function (tables) {
      section.appendChild(el('h3', t('terms')));
      section.appendChild(el('p', t('termsHelp'), { 'class': 'muted' }));
      tables.forEach(function (table) {
        var card = el('div', null, { 'class': 'card', 'data-term': table.field });
        card.appendChild(el('strong', table.field + (table.mandatory ? ' (' + t('required') + ')' : '')));
        card.appendChild(input(t('defaultValue'), null, { 'data-part': 'defaultValue' }));
        card.appendChild(input(t('crmField'), null, { 'data-part': 'crmField' }));
        if (table.field === 'vat-zone') {
          var label = el('label', t('derive') + ' ');
          var select = el('select', null, { 'data-part': 'derive' });
          ['true', 'false'].forEach(function (v) {
            var option = el('option', v, { value: v });
            option.selected = String(table.derive) === v;
            select.appendChild(option);
          });
          label.appendChild(select);
          var p = el('p');
          p.appendChild(label);
          card.appendChild(p);
        }
        var text = el('label', t('translations') + ' ');
        var area = el('textarea', null, { 'data-part': 'translations', rows: '3' });
        area.value = Object.keys(table.translations || {}).map(function (k) {
          return k + ' = ' + table.translations[k];
        }).join('\n');
        text.appendChild(area);
        var holder = el('p');
        holder.appendChild(text);
        card.appendChild(holder);
        card.querySelector('[data-part="defaultValue"]').value = table.defaultValue || '';
        card.querySelector('[data-part="crmField"]').value = table.crmField || '';
        card.appendChild(button(t('save'), function () {
          var translations = {};
          area.value.split('\n').forEach(function (line) {
            var at = line.lastIndexOf('=');
            if (at > 0 && line.slice(0, at).trim() !== '') {
              translations[line.slice(0, at).trim()] = line.slice(at + 1).trim();
            }
          });
          var derive = card.querySelector('[data-part="derive"]');
          api('PUT', '/connections/' + c.id + '/mappings/' + table.field, {
            defaultValue: card.querySelector('[data-part="defaultValue"]').value.trim() || null,
            crmField: card.querySelector('[data-part="crmField"]').value.trim() || null,
            derive: derive ? derive.value === 'true' : null, translations: translations
          }, function () { notify(t('termSaved')); });
        }, { 'class': 'save-term' }));
        card.appendChild(button(t('reset'), function () {
          api('DELETE', '/connections/' + c.id + '/mappings/' + table.field, null, function () {
            notify(t('termSaved'));
            showTerms(c);
          });
        }, { 'class': 'reset-term' }));
        section.appendChild(card);
      });
    }, function () {});
  }

  /** A button per side that connects by OAuth2: the vendor's consent page, and back to this page. */
  function showConsents(c) {
    var consents = $('consents');
    consents.textContent = '';
    [['SOURCE', c.sourceSystem], ['LEDGER', c.ledgerSystem]].forEach(function (side) {
      var system = systems[side[1]];
      if (system && system.oauth) {
        consents.appendChild(button(t('connect') + ' ' + system.label, function () {
          api('POST', '/connections/' + c.id + '/oauth/consent-link?side=' + side[0].toLowerCase(), null,
            function (link) { window.location.href = link.url; });
        }, { 'data-oauth': side[0] }));
      }
    });
  }

  /** Where the source delivers its webhooks: subscribed by Ponte, or an address a person pastes in the vendor. */
  function showWebhook(id) {
    api('GET', '/connections/' + id + '/webhook', null, function (hook) {
      $('webhook').textContent = hook.subscribedByPonte ? t('webhookSubscribed') : t('webhookPaste') + ' ' + hook.url;
    }, function () {
      $('webhook').textContent = '';
    });
  }

  /**
   * A list read page by page ({@code PAGE} items each): the first page into {@code container} (or {@code empty} when
   * there is none), then a button in {@code holder} that adds the next one while the API has more.
   */
  function paged(path, container, holder, render, empty) {
    var page = 0;
    container.textContent = '';
    function next() {
      api('GET', path + (path.indexOf('?') >= 0 ? '&' : '?') + 'size=' + PAGE + '&page=' + page, null,
        function (result) {
          if (page === 0) {
            fill(container, result.items.map(render), empty);
          } else {
            result.items.forEach(function (item) { container.appendChild(render(item)); });
          }
          more(holder, (result.page + 1) * result.size < result.total, function () {
            page += 1;
            next();
          });
        });
    }
    next();
  }

  /** The "more" button under a list, there only while {@code shown}. */
  function more(holder, shown, onClick) {
    Array.prototype.forEach.call(holder.querySelectorAll('button.more'), function (b) { holder.removeChild(b); });
    if (shown) {
      holder.appendChild(button(t('more'), onClick, { 'class': 'more' }));
    }
  }

  function loadReviews(id) {
    paged('/connections/' + id + '/reviews', $('reviews'), $('reviews-more'), function (review) {
      var card = el('div', null, { 'class': 'card', 'data-job': review.jobId });
      card.appendChild(el('strong', review.subject));
      card.appendChild(el('p', review.reason));
      var choices = el('ul');
      review.candidates.forEach(function (candidate) {
        var item = el('li', candidate.name + (candidate.document ? ' · ' + candidate.document : '') + ' ');
        item.appendChild(button(t('useThis'), function () {
          choose(review.jobId, { ledgerId: candidate.id });
        }, { 'data-candidate': candidate.id }));
        choices.appendChild(item);
      });
      card.appendChild(choices);
      card.appendChild(button(t('createNew'), function () {
        choose(review.jobId, { createNew: true });
      }, { 'class': 'create-new' }));
      return card;
    }, 'nothingWaiting');
    loadFailures(id);
  }

  function choose(jobId, choice) {
    api('POST', '/connections/' + current + '/reviews/' + jobId, choice, function () {
      notify(t('chosen'));
      openConnection(current);
    });
  }

  /**
   * DEAD jobs wait for a person, FAILED ones for their next attempt, page by page of each; those waiting for a
   * person's choice are in the review list above instead.
   */
  function loadFailures(id) {
    var container = $('failures');
    var statuses = ['DEAD', 'FAILED'];
    var page = 0;
    container.textContent = '';
    function next() {
      var pages = {};
      var pending = statuses.length;
      statuses.forEach(function (status) {
        api('GET', '/jobs?connectionId=' + encodeURIComponent(id) + '&status=' + status + '&size=' + PAGE
          + '&page=' + page, null, function (result) {
          pages[status] = result;
          pending -= 1;
          if (pending === 0) {
            shown(pages);
          }
        });
      });
    }
    function shown(pages) {
      var left = false;
      var found = [];
      statuses.forEach(function (status) {
        var result = pages[status];
        result.items.forEach(function (job) {
          if (!job.lastError || job.lastError.type !== REVIEW) {
            found.push(job);
          }
        });
        left = left || (result.page + 1) * result.size < result.total;
      });
      if (page === 0) {
        fill(container, found.map(failureCard), 'noFailures');
      } else {
        found.forEach(function (job) { container.appendChild(failureCard(job)); });
      }
      more($('failures-more'), left, function () {
        page += 1;
        next();
      });
    }
    next();
  }

  function failureCard(job) {
    var card = el('div', null, { 'class': 'card', 'data-job': job.id });
    card.appendChild(el('strong', job.subject + ' · ' + job.kind));
    card.appendChild(el('p', problemText(job.lastError) || job.reason));
    card.appendChild(el('p', job.attempts + '/' + job.maxAttempts + ' ' + t('attempts') + ' · '
      + (job.status === 'FAILED' ? t('waitingRetry') + ' ' + when(job.nextAttemptAt) : t('gaveUp')),
    { 'class': 'muted' }));
    card.appendChild(button(t('retry'), function () {
      api('POST', '/jobs/' + job.id + '/retry', null, function () {
        notify(t('retried'));
        openConnection(current);
      });
    }, { 'class': 'retry' }));
    return card;
  }

  function loadBudgets(id) {
    api('GET', '/connections/' + id + '/rate-limits', null, function (sides) {
      fill($('budget-rows'), sides.map(function (side) {
        var b = side.budget;
        if (!b) {
          return row([side.system, t('noBudget'), '', '']);
        }
     
      var calls = b.callsLastMinute + (b.pacedPerSecond ? ' (' + t('paced') + ' ' + b.pacedPerSecond + t('perSecond') + ')' : '');
        var reported = [];
        if (b.vendorRemaining !== null && b.vendorRemaining !== undefined) {
          reported.push(b.vendorRemaining + (b.vendorLimit ? '/' + b.vendorLimit : '') + ' ' + t('remaining')
            + (b.vendorResetAt ? ', ' + t('resets') + ' ' + when(b.vendorResetAt) : ''));
        }
        if (b.dailyRemaining !== null && b.dailyRemaining !== undefined) {
          reported.push(b.dailyRemaining + ' ' + t('daily'));
        }
     
      return row([side.system, calls, b.throttledLastMinute + (b.lastThrottledAt ? ' · ' + when(b.lastThrottledAt) : ''),
          reported.length ? reported.join('; ') : t('unreported')]);
      }), 'noBudget');
    });
  }

  function loadRuns(id) {
    api('GET', '/connections/' + id + '/runs?size=10', null, function (page) {
      fill($('run-rows'), page.items.map(function (run) {
        var counts = ['created', 'updated', 'unchanged', 'conflicts', 'skipped'].map(function (k) {
          return run[k] + ' ' + t(k);
        });
        counts.push(run.failed + ' ' + t('failedCount'));
        return row([run.mode, run.status, counts.join(', ') + (run.message ? ' — ' + run.message : ''),
          when(run.finishedAt || run.startedAt || run.queuedAt)]);
      }), 'noRuns');
    });
  }

  function loadHistory(id) {
    var subject = $('subject').value.trim();
    paged('/connections/' + id + '/history' + (subject ? '?subject=' + encodeURIComponent(subject) : ''),
      $('history-rows'), $('history-more'), function (h) {
        return row([when(h.createdAt), h.subject, h.outcome, h.message]);
      }, 'noHistory');
  }

  function preview() {
    var range = { from: $('from').value + 'T00:00:00Z', to: $('to').value + 'T00:00:00Z', limit: 200 };
    api('POST', '/connections/' + current + '/dry-run', range, function (result) {
      var counts = Object.keys(result.counts).filter(function (k) { return result.counts[k] > 0; })
        .map(function (k) { return k + ' ' + result.counts[k]; });
      $('preview-summary').textContent = result.records + ' ' + t('previewed') + (counts.length ? ': ' : '')
        + counts.join(', ') + (result.truncated ? ' (' + t('truncated') + ')' : '');
      fill($('preview-rows'), result.previews.map(function (p) {
        return row([p.subject, p.flow, p.outcome, p.decisions.join('; ')]);
      }), 'noPreview');
    });
  }

  function translate() {
    document.documentElement.lang = lang in TEXT ? lang : 'en';
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (node) {
      node.textContent = t(node.getAttribute('data-t'));
    });
  }

  function start() {
    translate();
    $('sign-in').addEventListener('submit', function (event) {
      event.preventDefault();
      sessionStorage.setItem(KEY, $('key').value.trim());
      $('key').value = '';
      $('notice').hidden = true;
      loadConnections();
    });
    $('sign-out').addEventListener('click', function () { signOut(t('signedOut'), false); });
    $('new-source').addEventListener('change', pairChosen);
    $('new-ledger').addEventListener('change', pairChosen);
    $('edit-form').addEventListener('submit', function (event) {
      event.preventDefault();
    });
    $('create-form').addEventListener('submit', function (event) {
      event.preventDefault();
      create();
    });
    $('enable').addEventListener('click', function () {
      api('POST', '/connections/' + current + '/enable', null, function () {
        notify(t('enabled'));
        loadConnections();
      });
    });
    $('disable').addEventListener('click', function () {
      api('POST', '/connections/' + current + '/disable', null, function () {
        notify(t('disabled'));
        loadConnections();
      });
    });
    $('test').addEventListener('click', function () {
      api('POST', '/connections/' + current + '/test', null, function () { notify(t('credentialsWork')); });
    });
    $('refresh').addEventListener('click', function () { loadConnections(); });
    Array.prototype.forEach.call(document.querySelectorAll('button.run'), function (b) {
      b.addEventListener('click', function () {
        api('POST', '/connections/' + current + '/runs', { mode: b.getAttribute('data-mode') }, function () {
          notify(t('runQueued'));
          loadRuns(current);
        });
      });
    });
    $('history-form').addEventListener('submit', function (event) {
      event.preventDefault();
      loadHistory(current);
    });
    $('preview-form').addEventListener('submit', function (event) {
      event.preventDefault();
      preview();
    });
    // Back from a vendor's consent page (OAuth2 callback): open the connection just connected.
    var connected = /[?&]connected=([0-9a-f-]+)/.exec(window.location.search);
    if (connected) {
      current = connected[1];
      notify(t('connected'));
    } else if (/[?&]consent=failed/.test(window.location.search)) {
      notify(t('consentFailed'), true);
    }
    if (window.location.search) {
      history.replaceState(null, '', window.location.pathname);
    }
    if (sessionStorage.getItem(KEY)) {
      loadConnections();
    }
  }

  start();
}());
