//! Simulation as a pure function of the faces: a district built and simulated in a ward
//! of its own, its counts back.

use crate::error::Error;
use crate::queries::typed::Function;
use crate::sim::{DistrictReport, DistrictRun};

impl Function for DistrictRun {
    type Answer = DistrictReport;

    fn call(self) -> Result<Self::Answer, Error> {
        self.run()
    }
}
