//! What a closed motion does outside the assembly: a motion on a fund's matter (a budget,
//! an amendment, a dividend, common income in the remuneration base, a fee standard,
//! business use of common parts) acts on the fund by
//! the fund's own rules, in the same journal entry as the closing. This is the one place
//! the effect is declared.

use super::capability::Reads;
use super::{Assembly, AssemblyEvent, Outcome};
use crate::access::Context;
use crate::capability::Effects;
use crate::error::Error;
use crate::fund::{self, FundEvent, Funds};

impl Effects<Funds> for Assembly {
    fn effects(
        &self,
        reads: Reads<'_>,
        ctx: &Context,
        event: &AssemblyEvent,
    ) -> Result<Vec<FundEvent>, Error> {
        let AssemblyEvent::MotionClosed { motion, tally } = event else {
            return Ok(Vec::new());
        };
        let Some(m) = self.motion(motion) else {
            return Ok(Vec::new());
        };
        let passed = tally.outcome == Outcome::Passed;
        let day = ctx.at.date_naive();
        fund::decided(
            reads.grid,
            reads.funds,
            m.subject.fund_subject(),
            motion,
            passed,
            day,
        )
    }
}
