import { useState } from 'react';
import { api, type Attachment } from '../../api';
import { formatSize } from '../../lib/chat';
import { useToasts } from '../../state/toasts';
import { useTransfers } from '../../state/transfers';
import { DownloadIcon, FileIcon } from '../icons';
import { ProgressBar } from './ProgressBar';

interface AttachmentChipProps {
  conversationId: string;
  attachment: Attachment;
}

/** A file attached to a message: name and size, and a button that downloads it (attachment_fetch). */
export function AttachmentChip({ conversationId, attachment }: AttachmentChipProps) {
  const { showError } = useToasts();
  const transfers = useTransfers();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'fetching' } | { kind: 'saved'; path: string }>({
    kind: 'idle',
  });

  const fetchIt = async () => {
    setState({ kind: 'fetching' });
    try {
      const path = await api.attachmentFetch(conversationId, attachment.sha256, attachment.name);
      setState({ kind: 'saved', path });
    } catch (error) {
      setState({ kind: 'idle' });
      showError(error);
    } finally {
      transfers.clear({ sha256: attachment.sha256 });
    }
  };

  return (
    <div className="attachment" data-testid="attachment" data-sha256={attachment.sha256}>
      <FileIcon className="attachment__icon" size={18} />
      <div className="attachment__main">
        <span className="attachment__name" title={attachment.name}>
          {attachment.name}
        </span>
        {state.kind === 'fetching' ? (
          <ProgressBar progress={transfers.progressOf({ sha256: attachment.sha256 })} label={`Downloading ${attachment.name}`} />
        ) : state.kind === 'saved' ? (
          <span className="attachment__path" data-testid="attachment-path" title={state.path}>
            Saved to {state.path}
          </span>
        ) : (
          <span className="attachment__size">{formatSize(attachment.size)}</span>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        data-testid="attachment-download"
        aria-label={state.kind === 'saved' ? `Download ${attachment.name} again` : `Download ${attachment.name}`}
        title={state.kind === 'saved' ? 'Downloaded' : 'Download'}
        disabled={state.kind === 'fetching'}
        onClick={() => void fetchIt()}
      >
        <DownloadIcon size={14} />
      </button>
    </div>
  );
}
