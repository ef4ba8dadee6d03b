import type { MentionOption } from '../../lib/chat';
import { Avatar } from '../Avatar';
import { ListboxOption } from '../ListboxOption';

interface MentionMenuProps {
  id: string;
  options: MentionOption[];
  active: number;
  optionId: (index: number) => string;
  onActive: (index: number) => void;
  onPick: (option: MentionOption) => void;
}

/** The people (and @channel) matching the mention being typed; the composer drives it by keyboard. */
export function MentionMenu({ id, options, active, optionId, onActive, onPick }: MentionMenuProps) {
  return (
    <ul className="mention-menu" id={id} role="listbox" aria-label="People to mention" data-testid="mention-menu">
      {options.map((option, i) => (
        <ListboxOption
          key={option.id}
          id={optionId(i)}
          active={i === active}
          className="mention-menu__option"
          data-testid="mention-option"
          onActivate={() => onActive(i)}
          onChoose={() => onPick(option)}
        >
          {option.id === 'channel' ? (
            <>
              <span className="mention-menu__at" aria-hidden="true">
                @
              </span>
              <span className="mention-menu__name">channel</span>
              <span className="mention-menu__hint">Notify everyone in the conversation</span>
            </>
          ) : (
            <>
              <Avatar id={option.id} name={option.name} decorative />
              <span className="mention-menu__name">{option.name}</span>
            </>
          )}
        </ListboxOption>
      ))}
    </ul>
  );
}
