import { statusLabel, type Grievance, type Language } from 'wb-grievance';

/** The app's card for one grievance: DOM code, tested under jsdom and happy-dom. */
export function grievanceCard(grievance: Grievance, language: Language): HTMLElement {
  const card = document.createElement('article');
  card.dataset.grievanceId = grievance.grievanceId;

  const status = document.createElement('span');
  status.className = 'status';
  status.textContent = statusLabel(grievance.status, language);

  const files = document.createElement('ul');
  for (const attachment of grievance.attachments) {
    const item = document.createElement('li');
    item.textContent = `${attachment.fileName} (${attachment.sizeBytes} bytes)`;
    files.append(item);
  }

  card.append(status, files);
  return card;
}
