import { render } from 'preact';
import { ConnectedPanel } from '@/components/panel/ConnectedPanel';
import { browserPanelServices } from '@/lib/platform/panelServices';
import '@/components/styles.css';

render(<ConnectedPanel services={browserPanelServices()} />, document.getElementById('app') as HTMLElement);
